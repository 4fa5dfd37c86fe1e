/*
 * utf8.h -- the one UTF-8 decoder, for the library and the program alike
 * (the program compiles utf8.c in: the library exports only tt_ names).
 */
#ifndef TREATYTERM_UTF8_H
#define TREATYTERM_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The length (1 to 4) of the well-formed UTF-8 sequence at S, which has N
 * bytes left, storing its code point in *CP if CP is not NULL; 0 when the
 * bytes are not one (a stray continuation byte, an overlong form, a
 * surrogate, a code point past U+10FFFF, a sequence cut short) or N is
 * 0.  ASCII, NUL included, is a sequence of 1. */
size_t ttp_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* The offset of the first byte of S (N bytes) that does not start a
 * well-formed sequence, or N when all of S is well-formed UTF-8. */
size_t ttp_utf8_check(const char *s, size_t n);
/* The bytes to show of the character at S in a message: a well-formed
 * sequence whole, otherwise the one byte; 0 at the end of the string. */
size_t ttp_utf8_char_len(const char *s);
/* Cuts the NUL-terminated S before a sequence left incomplete at its end
 * (as snprintf() leaves one when it truncates), so that a shortened text
 * is still UTF-8; returns the new length. */
size_t ttp_utf8_trim(char *s);
/* The length of the longest start of S (N bytes) that has at most MAX
 * bytes and does not end inside a character: N when N <= MAX.  For a
 * quote in a message shortened to MAX bytes (say so with "…"). */
size_t ttp_utf8_prefix(const char *s, size_t n, size_t max);
/* The characters of the NUL-terminated UTF-8 string S: its width in a
 * table, where every character takes one column. */
size_t ttp_utf8_width(const char *s);

#endif /* TREATYTERM_UTF8_H */
