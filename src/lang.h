/* Language identification of article text. */
#ifndef DYAD_LANG_H
#define DYAD_LANG_H

#include "dyad_int.h"

/* Guess the language of s[0..n) (UTF-8) from its most common words and
 * scripts. Returns a static ISO 639-1 code ("en", "de", "fr", "es", "ur",
 * "ar", "zh", ...) or NULL when the text is too short or unclear. */
const char *dyad_lang_detect(const char *s, size_t n);

/* Normalise a declared language ("en-US", "EN_gb", "english") to ISO 639-1
 * ("en"); returns a static string or NULL when unknown. */
const char *dyad_lang_normalise(const char *declared);

#endif
