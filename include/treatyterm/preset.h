/*
 * treatyterm/preset.h -- built-in treaties and proposals.
 *
 * A preset is spec-file text compiled into the library, with the source
 * its clauses were taken from.  Presets for proposals that never entered
 * into force carry a documented hypothetical entry into force, which the
 * user replaces with --entry-into-force.
 */
#ifndef TREATYTERM_PRESET_H
#define TREATYTERM_PRESET_H

#include <stdbool.h>
#include <stddef.h>

#include <treatyterm/error.h>
#include <treatyterm/spec.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tt_preset {
	const char *name;	/* "litvinov-1946" */
	const char *title;	/* one line */
	const char *source;	/* where the clauses come from, several lines */
	bool hypothetical;	/* never in force: the entry into force is assumed */
	const char *text;	/* the spec, as a spec file */
} tt_preset;

size_t tt_preset_count(void);
/* The I-th preset, in listing order, or NULL past the end. */
const tt_preset *tt_preset_at(size_t i);
/* The preset called NAME, or NULL. */
const tt_preset *tt_preset_find(const char *name);
/* Parses preset P into SPEC over any values already there. */
tt_status tt_preset_load(const tt_preset *p, tt_spec *spec, tt_error *err);

#ifdef __cplusplus
}
#endif
#endif /* TREATYTERM_PRESET_H */
