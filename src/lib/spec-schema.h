/*
 * spec-schema.h -- the schema of a spec, shared by the files that walk
 * it (spec-schema.c, which holds it, and spec.c, which stores values by
 * it).
 *
 * Level: just above the bottom (errors, dates, strings); spec-schema.c
 * calls only those.
 */
#ifndef TREATYTERM_SPEC_SCHEMA_H
#define TREATYTERM_SPEC_SCHEMA_H

#include <stddef.h>
#include <string.h>

#include <treatyterm/treatyterm.h>

#include "spec-impl.h"

enum where {
	IN_SPEC,	/* offset into struct tt_spec */
	IN_CONFERENCE,	/* offset into the newest struct ttp_conference */
	IN_MILESTONE,	/* offset into the newest struct ttp_custom */
	IN_EVENT,	/* offset into the newest struct ttp_event */
	IN_NOTICE,	/* offset into the newest struct ttp_notice */
	IN_PARTY	/* offset into the newest struct ttp_party */
};

/* A key as the public schema describes it, and where its value lives. */
struct keydef {
	tt_spec_key pub;
	enum where where;
	size_t off;
};

/* Where a repeatable section's instances live in a spec: the offsets of
 * its pointer to them, their number and its capacity.  The pointer is
 * read and written with memcpy() (POSIX pointers share one
 * representation) rather than through a cast that would break the
 * aliasing rules. */
struct listdef {
	enum where where;
	size_t items, n, cap;
	size_t elem;
	size_t origin;	/* offset of the section's struct ttp_origin */
};

/* Key I of the schema (the order of tt_spec_key_at()), or NULL. */
const struct keydef *ttp_key_at(size_t i);
/* The key SECTION.KEY, or NULL.  Names taken from the schema itself are
 * found without comparing text. */
const struct keydef *ttp_key_find(const char *section, const char *key);
/* The first key of SECTION, or NULL if there is no such section. */
const struct keydef *ttp_key_section(const char *section);

/* The repeatable sections: *N of them. */
const struct listdef *ttp_lists(size_t *n);
/* The list of the sections stored at W, or NULL for the spec itself. */
const struct listdef *ttp_list_of(enum where w);

static inline char *
ttp_list_items(const tt_spec *spec, const struct listdef *l)
{
	char *p;

	memcpy(&p, (const char *)spec + l->items, sizeof p);
	return p;
}

static inline void
ttp_list_set_items(tt_spec *spec, const struct listdef *l, void *p)
{
	memcpy((char *)spec + l->items, &p, sizeof p);
}

static inline size_t *
ttp_list_n(tt_spec *spec, const struct listdef *l)
{
	return (size_t *)((char *)spec + l->n);
}

static inline size_t
ttp_list_count(const tt_spec *spec, const struct listdef *l)
{
	return *(const size_t *)((const char *)spec + l->n);
}

static inline size_t *
ttp_list_cap(tt_spec *spec, const struct listdef *l)
{
	return (size_t *)((char *)spec + l->cap);
}

/* The counting rule called NAME (N bytes), or -1. */
int ttp_counting_find(const char *name, size_t n);
/* The suffix of the UN's status tables for instrument I ("" for
 * ratification, which has none). */
const char *ttp_instrument_suffix(tt_instrument i);

#endif /* TREATYTERM_SPEC_SCHEMA_H */
