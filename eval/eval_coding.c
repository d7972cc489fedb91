/* Evaluation of the event coder on the TABARI validation suite and the
 * PETRARCH unit tests (../shared/data/eventcoding), with the figures the
 * original coders publish. Each suite is skipped with one line when absent. */
#include <stdio.h>
#include <unistd.h>

#include "coder.h"
#include "score.h"

static void suite(const char *name, const char *rel, const char *published)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dyad_score_data_dir(), rel);
	if (access(path, R_OK)) {
		printf("%s: skipped (%s absent)\n", name, path);
		return;
	}
	struct dyad_validate_result r;
	struct dyad_err err = {0};
	if (dyad_validate_run(path, NULL, NULL, NULL, &r, &err)) {
		printf("%s: error: %s\n", name, dyad_errmsg(&err));
		return;
	}
	size_t n = r.passed + r.failed;
	printf("%s: %zu passed, %zu failed (%.1f%% of %zu records; %zu not compared)\n", name,
	       r.passed, r.failed, n ? 100.0 * (double)r.passed / (double)n : 0.0, n, r.skipped);
	printf("  published: %s\n", published);
}

int main(void)
{
	suite("TABARI validation suite", "eventcoding/tabari/Validate.project",
	      "TABARI passes its own suite (it was written against it); KEDS/TABARI "
	      "matched human coders in 75-85% of cases");
	suite("PETRARCH unit tests", "eventcoding/petrarch1/PETR.UnitTest.records.xml",
	      "PETRARCH passes all its unit tests with CoreNLP parses; dyad codes the raw "
	      "text without a parse");
	suite("PETRARCH-2 unit tests", "eventcoding/petrarch2/PETR.UnitTest.records.xml",
	      "PETRARCH-2 passes them with CoreNLP parses; dyad codes the raw text");
	return 0;
}
