/*
 * utf8.c -- the one UTF-8 decoder (see utf8.h).
 *
 * Well-formed means what RFC 3629 and Unicode's table 3-7 say: the shortest
 * form only, no UTF-16 surrogates, nothing past U+10FFFF.  Spec values are
 * checked with it before they are stored, and messages that quote a
 * character use it to quote the whole character and never half of one.
 */
#include <config.h>

#include <string.h>

#include "utf8.h"

size_t
ttp_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len;
	uint32_t c;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		len = 1;
		c = s[0];
	} else if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		return 0;	/* a continuation byte, 0xc0, 0xc1, 0xf5.. */
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	if (cp != NULL)
		*cp = c;
	return len;
}

size_t
ttp_utf8_check(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;	/* the common case, without a call */
			continue;
		}
		if ((len = ttp_utf8_decode(p + i, n - i, NULL)) == 0)
			return i;
		i += len;
	}
	return n;
}

size_t
ttp_utf8_char_len(const char *s)
{
	size_t len;

	if (*s == '\0')
		return 0;
	/* strnlen: a sequence never reaches past the terminating NUL. */
	len = ttp_utf8_decode((const unsigned char *)s, strnlen(s, 4), NULL);
	return len ? len : 1;
}

size_t
ttp_utf8_trim(char *s)
{
	size_t n = strlen(s), i = n;

	/* Back over at most three continuation bytes to a sequence's
	 * first byte. */
	while (i > 0 && n - i < 4 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i > 0 && (unsigned char)s[i - 1] >= 0xc0) {
		i--;
		if (ttp_utf8_decode((const unsigned char *)s + i, n - i,
				    NULL) != n - i) {
			s[i] = '\0';
			return i;
		}
	}
	return n;
}

size_t
ttp_utf8_prefix(const char *s, size_t n, size_t max)
{
	size_t i = max;

	if (n <= max)
		return n;
	/* Back to the first byte of the character S[MAX] is in: over at
	 * most three continuation bytes. */
	for (int k = 0; k < 3 && i > 0 &&
	     ((unsigned char)s[i] & 0xc0) == 0x80; k++)
		i--;
	return i;
}

size_t
ttp_utf8_width(const char *s)
{
	size_t w = 0;

	for (; *s != '\0'; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}
