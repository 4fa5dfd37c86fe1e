/*
 * batch-columns.c -- the rows of a batch CSV file as specs (see
 * batch-columns.h).
 *
 * Column names come from the library's schema, never from a list of our
 * own, so a key added to the schema is a column at once and the "unknown
 * column" message lists what the schema has.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "batch/batch-columns.h"

#define BOM "\xef\xbb\xbf"

static const char delimiters[] = { ';', '\t', '|', ',' };

/* Appends the keys of SECTION, "a, b LAST c", to BUF (LEN used of
 * SIZE). */
static size_t
list_keys(const char *section, const char *last, char *buf, size_t len,
	  size_t size)
{
	size_t total = 0, k = 0;

	for (size_t i = 0; i < tt_spec_key_count(); i++)
		total += strcmp(tt_spec_key_at(i)->section, section) == 0;
	for (size_t i = 0; i < tt_spec_key_count() && len < size; i++) {
		const tt_spec_key *d = tt_spec_key_at(i);

		if (strcmp(d->section, section) != 0)
			continue;
		k++;
		len += (size_t)snprintf(buf + len, size - len, "%s%s%s",
					k == 1 ? "" : k == total ? " " : ", ",
					k > 1 && k == total ? last : "",
					d->key);
	}
	return len < size ? len : size;
}

/* Appends the sections but [treaty], "a, b or c", to BUF. */
static size_t
list_sections(char *buf, size_t len, size_t size)
{
	const char *names[32];
	size_t n = 0;

	for (size_t i = 0; i < tt_spec_key_count(); i++) {
		const char *s = tt_spec_key_at(i)->section;
		size_t j;

		if (strcmp(s, "treaty") == 0)
			continue;
		for (j = 0; j < n && strcmp(names[j], s) != 0; j++)
			continue;
		if (j == n && n < sizeof names / sizeof names[0])
			names[n++] = s;
	}
	for (size_t i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					i == 0 ? "" : i + 1 == n ? " or " :
					", ", names[i]);
	return len < size ? len : size;
}

static bool
section_exists(const char *name, size_t n)
{
	for (size_t i = 0; i < tt_spec_key_count(); i++) {
		const char *s = tt_spec_key_at(i)->section;

		if (strlen(s) == n && memcmp(s, name, n) == 0)
			return true;
	}
	return false;
}

/* Why NAME is no column, from the schema. */
static void
unknown(const char *name, char *why, size_t size)
{
	const char *dot = strchr(name, '.');
	size_t len;

	len = (size_t)snprintf(why, size, "unknown column '%.60s' (", name);
	if (len >= size)
		return;
	if (dot == NULL) {
		len = (size_t)snprintf(why + len, size - len,
				       "expected ") + len;
		len = list_keys("treaty", "or ", why, len, size);
		len += (size_t)snprintf(why + len, len < size ? size - len : 0,
					", or section.key with section ");
		len = list_sections(why, len < size ? len : size, size);
	} else if (dot - name == 6 && memcmp(name, "treaty", 6) == 0) {
		len += (size_t)snprintf(why + len, size - len,
					"[treaty] keys have no section: "
					"'%.30s'", dot + 1);
	} else if (!section_exists(name, (size_t)(dot - name))) {
		len += (size_t)snprintf(why + len, size - len,
					"no section '%.*s'; expected ",
					(int)((dot - name) > 30 ? 30 :
					      (dot - name)), name);
		len = list_sections(why, len < size ? len : size, size);
	} else {
		char section[32];

		snprintf(section, sizeof section, "%.*s", (int)(dot - name),
			 name);
		len += (size_t)snprintf(why + len, size - len,
					"the %s keys are ", section);
		len = list_keys(section, "and ", why, len < size ? len : size,
				size);
	}
	if (len < size)
		snprintf(why + len, size - len, ")");
}

/* The key column NAME sets, or NULL. */
static const tt_spec_key *
find_column(const char *name)
{
	const char *dot = strchr(name, '.');
	char section[32];

	if (dot == NULL)
		return tt_spec_key_find("treaty", name);
	if ((size_t)(dot - name) >= sizeof section ||
	    (dot - name == 6 && memcmp(name, "treaty", 6) == 0))
		return NULL;
	memcpy(section, name, (size_t)(dot - name));
	section[dot - name] = '\0';
	return tt_spec_key_find(section, dot + 1);
}

bool
batch_columns_map(struct batch_columns *c, char *const *names, size_t n,
		  size_t *bad, char *why, size_t size)
{
	c->n = 0;
	c->keys = calloc(n ? n : 1, sizeof *c->keys);
	if (c->keys == NULL) {
		*bad = 0;
		snprintf(why, size, "out of memory");
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		const char *name = names[i];

		if (i == 0 && strncmp(name, BOM, 3) == 0)
			name += 3;
		c->keys[i] = find_column(name);
		if (c->keys[i] == NULL) {
			*bad = i;
			unknown(name, why, size);
			goto fail;
		}
		for (size_t j = 0; j < i; j++)
			if (c->keys[j] == c->keys[i]) {
				*bad = i;
				snprintf(why, size, "'%.60s' appears twice",
					 name);
				goto fail;
			}
	}
	c->n = n;
	return true;
fail:
	batch_columns_free(c);
	return false;
}

void
batch_columns_free(struct batch_columns *c)
{
	free(c->keys);
	c->keys = NULL;
	c->n = 0;
}

bool
batch_columns_delimiter_hint(char *const *names, size_t n,
			     unsigned char delim, char *buf, size_t size)
{
	for (size_t d = 0; d < sizeof delimiters; d++) {
		if ((unsigned char)delimiters[d] == delim)
			continue;
		for (size_t i = 0; i < n; i++)
			if (strchr(names[i], delimiters[d]) != NULL) {
				if (delimiters[d] == '\t')
					snprintf(buf, size, "the header has a "
						 "tab: try --delimiter tab");
				else
					snprintf(buf, size, "the header has "
						 "'%c': try --delimiter '%c'",
						 delimiters[d], delimiters[d]);
				return true;
			}
	}
	return false;
}

tt_status
batch_row_fill(const struct batch_columns *c, tt_spec *spec,
	       char *const *fields, size_t n, unsigned long line, tt_error *e)
{
	if (n != c->n) {
		memset(e, 0, sizeof *e);
		e->code = TT_EINVAL;
		snprintf(e->message, sizeof e->message,
			 "the row has %zu field%s, the header %zu", n,
			 n == 1 ? "" : "s", c->n);
		return TT_EINVAL;
	}
	for (size_t i = 0; i < n; i++) {
		tt_status st;

		if (fields[i][0] == '\0')
			continue;	/* not set */
		st = tt_spec_set(spec, c->keys[i]->section, c->keys[i]->key,
				 fields[i], (unsigned)line, 1, e);
		if (st != TT_OK)
			return st;
	}
	return TT_OK;
}

const char *
batch_row_key(const tt_spec *spec)
{
	/* As treaty_key() in src/lib/ics.c, which makes the UIDs. */
	const char *id = tt_spec_id(spec);

	return *id != '\0' ? id : tt_spec_name(spec);
}

const char *
batch_row_cells_key(const struct batch_columns *c, tt_spec *spec,
		    char *const *fields, size_t n)
{
	tt_error e;

	tt_spec_reset(spec);
	for (size_t i = 0; i < n && i < c->n; i++)
		if (strcmp(c->keys[i]->section, "treaty") == 0 &&
		    (strcmp(c->keys[i]->key, "id") == 0 ||
		     strcmp(c->keys[i]->key, "name") == 0) &&
		    fields[i][0] != '\0')
			(void)tt_spec_set(spec, "treaty", c->keys[i]->key,
					  fields[i], 0, 0, &e);
	return batch_row_key(spec);
}

/* --- the keys seen ------------------------------------------------- */

/*
 * An open-addressing table of offsets into one block of text, where each
 * key is stored after the line it was first seen on; 8 bytes a slot and
 * the key's length plus 9 or so a key.
 */
struct slot {
	uint32_t hash;
	uint32_t off;	/* into text, plus 1; 0 for an empty slot */
};

struct batch_keys {
	struct slot *slots;
	size_t nslots, n;	/* nslots a power of 2 */
	char *text;
	size_t len, cap;
};

static uint32_t
hash(const char *s)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

struct batch_keys *
batch_keys_new(void)
{
	struct batch_keys *k = calloc(1, sizeof *k);

	if (k == NULL)
		return NULL;
	k->nslots = 1024;
	k->slots = calloc(k->nslots, sizeof *k->slots);
	if (k->slots == NULL) {
		free(k);
		return NULL;
	}
	return k;
}

void
batch_keys_free(struct batch_keys *k)
{
	if (k == NULL)
		return;
	free(k->slots);
	free(k->text);
	free(k);
}

static bool
rehash(struct batch_keys *k)
{
	size_t nslots = k->nslots * 2;
	struct slot *s = calloc(nslots, sizeof *s);

	if (s == NULL)
		return false;
	for (size_t i = 0; i < k->nslots; i++) {
		size_t j;

		if (k->slots[i].off == 0)
			continue;
		for (j = k->slots[i].hash & (nslots - 1); s[j].off != 0;
		     j = (j + 1) & (nslots - 1))
			continue;
		s[j] = k->slots[i];
	}
	free(k->slots);
	k->slots = s;
	k->nslots = nslots;
	return true;
}

int
batch_keys_add(struct batch_keys *k, const char *key, unsigned long line,
	       unsigned long *first)
{
	uint32_t h = hash(key);
	size_t j, n = strlen(key);

	for (j = h & (k->nslots - 1); k->slots[j].off != 0;
	     j = (j + 1) & (k->nslots - 1)) {
		const char *p = k->text + k->slots[j].off - 1;

		if (k->slots[j].hash == h &&
		    strcmp(p + sizeof line, key) == 0) {
			memcpy(first, p, sizeof line);
			return 0;
		}
	}
	if (k->len + sizeof line + n + 1 > k->cap) {
		/* Offsets into the text are 32 bits. */
		char *p = k->len + sizeof line + n + 1 <= UINT32_MAX ?
			  ttp_grow(k->text, &k->cap, k->len + sizeof line +
				   n + 1, 1) : NULL;

		if (p == NULL)
			return -1;
		k->text = p;
	}
	memcpy(k->text + k->len, &line, sizeof line);
	memcpy(k->text + k->len + sizeof line, key, n + 1);
	k->slots[j].hash = h;
	k->slots[j].off = (uint32_t)k->len + 1;
	k->len += sizeof line + n + 1;
	if (++k->n * 2 > k->nslots && !rehash(k))
		return -1;
	return 1;
}

void
batch_columns_help(FILE *fp)
{
	const char *section = "";

	fprintf(fp, "Columns (the header row names them; an empty cell is "
		"not set):\n ");
	for (size_t i = 0; i < tt_spec_key_count(); i++) {
		const tt_spec_key *d = tt_spec_key_at(i);
		bool treaty = strcmp(d->section, "treaty") == 0;

		if (strcmp(d->section, section) != 0) {
			if (*section != '\0')
				fprintf(fp, "\n ");
			section = d->section;
		} else {
			fputc(',', fp);
		}
		fprintf(fp, " %s%s%s", treaty ? "" : d->section,
			treaty ? "" : ".", d->key);
	}
	fprintf(fp, "\n");
}
