/*
 * treatyterm/error.h -- errors as values.
 *
 * Every fallible function returns a tt_status and, when the caller passes a
 * tt_error, fills it with the reason.  Filling an error never allocates, so
 * it works when memory is exhausted.  Line and column are 1-based; 0 means
 * "not known" (a value given on the command line has no line).  The
 * message never repeats the location: the caller prints that.  It is
 * UTF-8 (when the text it quotes is); one too long for MESSAGE (it may
 * quote a long name) is cut between two characters and ends with "…"
 * (U+2026), so that it says it was cut.  A spec read from several inputs
 * (a file, a CSV of parties) says which one a value came from with the
 * number the caller gave it (see tt_spec_set_input()), so that the
 * caller can name the right file.
 */
#ifndef TREATYTERM_ERROR_H
#define TREATYTERM_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum tt_status {
	TT_OK = 0,
	TT_ESYNTAX,	/* malformed text: a date, a duration, a spec line */
	TT_ERANGE,	/* a well-formed value outside what is allowed */
	TT_EINVAL,	/* values that contradict each other or are missing */
	TT_ELIMIT,	/* the input would need more than the library allows */
	TT_ENOMEM,	/* out of memory */
	TT_EIO		/* reading or writing failed; errno is preserved */
} tt_status;

typedef struct tt_error {
	tt_status code;
	unsigned line;		/* 1-based line of the input, 0 if none */
	unsigned column;	/* 1-based column (byte) of the input, 0 if none */
	/* For errors about a spec key: the section and key, pointing to
	 * static strings (e.g. "withdrawal", "notice"), else NULL. */
	const char *section;
	const char *key;
	char message[224];
	/* The input the line and column are in: the number the caller gave
	 * with tt_spec_set_input() before setting the value the error is
	 * about; 0 (the default) for an error about no value. */
	unsigned input;
} tt_error;

/* A short English name of STATUS ("syntax error", ...). */
const char *tt_status_name(tt_status status);

#ifdef __cplusplus
}
#endif
#endif /* TREATYTERM_ERROR_H */
