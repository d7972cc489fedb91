/* Tests for src/lang.c: script and stop-word language detection, and
 * normalisation of declared languages. Sample texts written for dyad. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"

struct sample {
	const char *want;
	const char *text;
};

static const struct sample samples[] = {
	{"en", "The government said on Monday that it would send more troops to "
	       "the border after a week of clashes. Officials told reporters "
	       "that the army was ready and that talks with the rebels had "
	       "failed."},
	{"de", "Die Regierung hat am Montag angekündigt, dass sie mehr Soldaten "
	       "an die Grenze schicken wird. Nach einer Woche der Kämpfe sind "
	       "die Gespräche mit den Rebellen gescheitert, sagte ein Sprecher "
	       "des Ministeriums."},
	{"fr", "Le gouvernement a annoncé lundi qu'il allait envoyer plus de "
	       "soldats à la frontière après une semaine d'affrontements. Les "
	       "discussions avec les rebelles ont échoué, selon un porte-parole "
	       "du ministère."},
	{"es", "El gobierno anunció el lunes que enviará más soldados a la "
	       "frontera tras una semana de enfrentamientos. Las conversaciones "
	       "con los rebeldes fracasaron, dijo un portavoz del ministerio."},
	{"it", "Il governo ha annunciato lunedì che invierà più soldati al "
	       "confine dopo una settimana di scontri. I colloqui con i ribelli "
	       "sono falliti, ha detto un portavoce del ministero della difesa."},
	{"pt", "O governo anunciou na segunda-feira que vai enviar mais soldados "
	       "para a fronteira depois de uma semana de confrontos. As "
	       "conversas com os rebeldes não deram certo, disse um porta-voz "
	       "do ministério."},
	{"nl", "De regering heeft maandag aangekondigd dat zij meer soldaten naar "
	       "de grens stuurt na een week van gevechten. De gesprekken met de "
	       "rebellen zijn mislukt, zei een woordvoerder van het ministerie."},
	{"sv", "Regeringen meddelade på måndagen att den skickar fler soldater "
	       "till gränsen efter en vecka av strider. Samtalen med rebellerna "
	       "har misslyckats, sade en talesperson för ministeriet och det "
	       "är inte första gången."},
	{"tr", "Hükümet pazartesi günü bir haftalık çatışmaların ardından sınıra "
	       "daha fazla asker göndereceğini açıkladı. Bakanlık sözcüsü, "
	       "isyancılarla yapılan görüşmelerin sonuç vermediğini ve bu "
	       "nedenle yeni bir plan için çalışıldığını söyledi."},
	{"pl", "Rząd ogłosił w poniedziałek, że wyśle więcej żołnierzy na "
	       "granicę po tygodniu starć. Rozmowy z rebeliantami nie "
	       "przyniosły wyniku, powiedział rzecznik ministerstwa, który "
	       "dodał, że to nie jest koniec."},
	{"id", "Pemerintah mengumumkan pada hari Senin bahwa mereka akan "
	       "mengirim lebih banyak tentara ke perbatasan setelah satu minggu "
	       "bentrokan dengan para pemberontak yang tidak ingin berunding."},
	{"ru", "Правительство в понедельник объявило, что направит больше "
	       "солдат к границе после недели столкновений."},
	{"uk", "Уряд у понеділок оголосив, що направить більше військових до "
	       "кордону після тижня зіткнень і переговорів."},
	{"ar", "أعلنت الحكومة يوم الاثنين أنها سترسل مزيدا من الجنود إلى الحدود "
	       "بعد أسبوع من الاشتباكات مع المتمردين في المنطقة الشمالية."},
	{"fa", "دولت روز دوشنبه اعلام کرد که پس از یک هفته درگیری سربازان بیشتری "
	       "به مرز می‌فرستد و گفتگو با شورشیان شکست خورده است."},
	{"ur", "حکومت نے پیر کے روز اعلان کیا کہ ایک ہفتے کی جھڑپوں کے بعد سرحد "
	       "پر مزید فوجی بھیجے جائیں گے۔"},
	{"hi", "सरकार ने सोमवार को घोषणा की कि एक सप्ताह की झड़पों के बाद सीमा "
	       "पर और सैनिक भेजे जाएंगे।"},
	{"zh", "政府周一宣布，在一周的冲突之后，将向边境增派更多士兵。"},
	{"ja", "政府は月曜日、一週間の衝突の後、国境に兵士を追加で派遣すると発表した。"},
	{"ko", "정부는 월요일 일주일간의 충돌 이후 국경에 더 많은 병력을 보낼 것이라고 발표했다."},
	{"el", "Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι θα στείλει περισσότερους "
	       "στρατιώτες στα σύνορα."},
	{"he", "הממשלה הודיעה ביום שני כי תשלח חיילים נוספים לגבול לאחר שבוע של "
	       "עימותים."},
};

static void test_detect_each_language(void **state)
{
	(void)state;
	int bad = 0;
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		const char *got = dyad_lang_detect(samples[i].text,
						   strlen(samples[i].text));
		if (!got || strcmp(got, samples[i].want) != 0) {
			print_error("%s detected as %s\n", samples[i].want,
				    got ? got : "NULL");
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void test_detect_short_or_unclear(void **state)
{
	(void)state;
	assert_null(dyad_lang_detect("", 0));
	assert_null(dyad_lang_detect("12345 !!! ...", 13));
	const char *names = "Imran Khan Nawaz Sharif Lahore Karachi Islamabad";
	assert_null(dyad_lang_detect(names, strlen(names)));
	const char *shortx = "Breaking news";
	assert_null(dyad_lang_detect(shortx, strlen(shortx)));
	/* Short but dense in function words is clear enough. */
	const char *dense = "It is the end of the war and the start of the peace.";
	assert_string_equal(dyad_lang_detect(dense, strlen(dense)), "en");
	assert_null(dyad_lang_detect("日本", 6));
}

static void test_detect_samples_only_the_start(void **state)
{
	(void)state;
	/* 8 KB of English, then German: only the first ~4 KB count. */
	size_t n = 0, cap = 20000;
	char *s = malloc(cap);
	assert_non_null(s);
	const char *en = "The army said that it was ready for the talks. ";
	const char *de = "Die Armee sagte, dass sie für die Gespräche bereit sei. ";
	while (n < 8192) {
		memcpy(s + n, en, strlen(en));
		n += strlen(en);
	}
	while (n < 19000) {
		memcpy(s + n, de, strlen(de));
		n += strlen(de);
	}
	assert_string_equal(dyad_lang_detect(s, n), "en");
	free(s);
}

static void test_detect_invalid_utf8(void **state)
{
	(void)state;
	const char *s = "The army said \xFF\xFE that it was ready for the talks and "
			"that the war was over for the people of the north \xC3";
	assert_string_equal(dyad_lang_detect(s, strlen(s)), "en");
}

static void test_normalise(void **state)
{
	(void)state;
	assert_string_equal(dyad_lang_normalise("en"), "en");
	assert_string_equal(dyad_lang_normalise("en-US"), "en");
	assert_string_equal(dyad_lang_normalise("EN_gb"), "en");
	assert_string_equal(dyad_lang_normalise("english"), "en");
	assert_string_equal(dyad_lang_normalise("English"), "en");
	assert_string_equal(dyad_lang_normalise(" de-DE"), "de");
	assert_string_equal(dyad_lang_normalise("ger"), "de");
	assert_string_equal(dyad_lang_normalise("fra"), "fr");
	assert_string_equal(dyad_lang_normalise("Français"), "fr");
	assert_string_equal(dyad_lang_normalise("zh-Hans-CN"), "zh");
	assert_string_equal(dyad_lang_normalise("pt_BR.UTF-8"), "pt");
	assert_string_equal(dyad_lang_normalise("ur-PK"), "ur");
	assert_string_equal(dyad_lang_normalise("Farsi"), "fa");
	assert_string_equal(dyad_lang_normalise("iw"), "he");
	assert_string_equal(dyad_lang_normalise("اردو"), "ur");
	assert_string_equal(dyad_lang_normalise("en;q=0.8"), "en");
	assert_null(dyad_lang_normalise(NULL));
	assert_null(dyad_lang_normalise(""));
	assert_null(dyad_lang_normalise("-US"));
	assert_null(dyad_lang_normalise("xx"));
	assert_null(dyad_lang_normalise("klingon"));
	assert_null(dyad_lang_normalise("und"));
	assert_null(dyad_lang_normalise("averyveryveryverylonglanguagenamethatoverflows"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect_each_language),
		cmocka_unit_test(test_detect_short_or_unclear),
		cmocka_unit_test(test_detect_samples_only_the_start),
		cmocka_unit_test(test_detect_invalid_utf8),
		cmocka_unit_test(test_normalise),
	};
	return cmocka_run_group_tests_name("lang", tests, NULL, NULL);
}
