#!/bin/sh
# Write N generated news articles as JSON Lines on stdout (fixed seed: the
# same N gives the same bytes). For benchmarks and the crash-safety test.
# usage: scripts/gen_corpus.sh N [SEED]
n=${1:-1000}
seed=${2:-42}
exec awk -v n="$n" -v seed="$seed" '
function pick(a, k) { return a[int(rand() * k) + 1] }
BEGIN {
	srand(seed)
	na = split("United States|Pakistan|Afghanistan|India|China|Iran|Russia|the European Union|Britain|Turkey|the United Nations|NATO|Saudi Arabia|Qatar|Japan", actor, "|")
	nv = split("urged|criticised|welcomed|accused|met|praised|warned|condemned|called on|thanked|threatened|pressed|rejected|supported|invited", verb, "|")
	no = split("to act against militant groups|over the border closure|on trade and investment|after the talks in the capital|for its role in the negotiations|about the safety of aid workers|on the release of detained journalists|over the missile test|to shut down safe havens|on the new security agreement", obj, "|")
	np = split("Foreign Minister Ana Mendez|the Defence Secretary|a Foreign Office spokesman|Gen Omar Faruq|the Interior Ministry spokesman R K Das|Col. Lee Hart|the ambassador|the prime minister", who, "|")
	split("January|February|March|April|May|June|July|August|September|October|November|December", month, "|")
	ns = split("Karachi Ledger|Potomac Wire|Kabul Observer|South Asia Desk|Capital Courier|Frontier Post", outlet, "|")
	for (i = 1; i <= n; i++) {
		y = 2005 + int(rand() * 21); m = 1 + int(rand() * 12); d = 1 + int(rand() * 28)
		a = pick(actor, na); b = pick(actor, na)
		title = a " " pick(verb, nv) " " b " " pick(obj, no)
		text = ""
		paras = 4 + int(rand() * 8)
		for (p = 0; p < paras; p++) {
			para = ""
			sents = 2 + int(rand() * 4)
			for (s = 0; s < sents; s++) {
				r = rand()
				if (r < 0.3)
					sent = toupper(substr(a, 1, 1)) substr(a, 2) " " pick(verb, nv) " " pick(actor, na) " " pick(obj, no) " on " (1 + int(rand() * 28)) " " pick(month, 12) " " (2000 + int(rand() * 25)) "."
				else if (r < 0.6)
					sent = "\\u201cWe will keep raising it at every meeting,\\u201d said " pick(who, np) ", adding that talks would resume in " (1 + int(rand() * 12)) " weeks."
				else {
					w = pick(who, np)
					sent = toupper(substr(w, 1, 1)) substr(w, 2) " said the government would review the deal worth $" int(rand() * 900) "." int(rand() * 10) " million, article " i " paragraph " p "."
				}
				para = para (s ? " " : "") sent
			}
			text = text (p ? "\\n\\n" : "") para
		}
		printf("{\"url\":\"https://news.example/%d/%02d/%02d/story-%d\",\"outlet\":\"%s\",\"published\":\"%04d-%02d-%02d\",\"title\":\"%s\",\"text\":\"%s\"}\n",
		       y, m, d, i, pick(outlet, ns), y, m, d, title, text)
	}
}'
