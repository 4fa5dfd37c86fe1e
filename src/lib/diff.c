/*
 * diff.c -- the milestones and clauses that differ between two versions
 * of a treaty.
 *
 * Milestones are matched as the calendar writer names them (make_uid()
 * in ics.c): kind, series, ordinal, and a party's own dates by the
 * party's name rather than its place in the list, so that adding a party
 * moves nobody else.  Both sides are sorted by that identity and merged;
 * should one schedule hold two milestones of the same identity, the k-th
 * of one side is paired with the k-th of the other, in date order.
 *
 * Clauses are compared key by key, a repeating section instance by
 * instance -- except [party], whose instances are matched by the party's
 * name, as its milestones are: a row deleted from a status table is that
 * one party removed, not every later party renamed.
 *
 * A diff is reused from treaty to treaty: its arrays keep their memory.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "spec-impl.h"

/* A clause change while its values are being collected: offsets into the
 * string buffer, which may move as it grows. */
struct clause_entry {
	tt_clause_change pub;
	size_t before, after;	/* offsets, or SIZE_MAX for NULL */
	size_t party;
};

/* One instance of a section matched by name: its name and its place. */
struct named {
	const char *name;
	size_t pos;
};

struct tt_diff {
	tt_milestone_change *ms;
	size_t nms, ms_cap;
	struct clause_entry *cl;
	size_t ncl, cl_cap;
	char *strings;
	size_t strings_len, strings_cap;
};

/* One milestone of one side, with its place there. */
struct side_entry {
	const tt_milestone *m;
	size_t pos;
};

static const char *const change_names[] = {
	[TT_CHANGE_ADDED] = "added",
	[TT_CHANGE_REMOVED] = "removed",
	[TT_CHANGE_MOVED] = "moved"
};

const char *
tt_change_name(tt_change c)
{
	if ((unsigned)c >= TTP_ARRAY_SIZE(change_names))
		return "unknown";
	return change_names[c];
}

tt_diff *
tt_diff_new(void)
{
	return calloc(1, sizeof (tt_diff));
}

void
tt_diff_free(tt_diff *d)
{
	if (d == NULL)
		return;
	free(d->ms);
	free(d->cl);
	free(d->strings);
	free(d);
}

/* A party's own dates are known by the party; their series is the
 * party's index, which adding a party changes. */
static bool
is_party(const tt_milestone *m)
{
	return (m->flags & TT_MS_PARTY) != 0;
}

int
tt_milestone_identity_compare(const tt_milestone *a, const tt_milestone *b)
{
	unsigned sa = is_party(a) ? 0 : a->series;
	unsigned sb = is_party(b) ? 0 : b->series;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (is_party(a) != is_party(b))
		return is_party(a) ? 1 : -1;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (a->ordinal != b->ordinal)
		return a->ordinal < b->ordinal ? -1 : 1;
	if (is_party(a))
		return strcmp(a->party ? a->party : "",
			      b->party ? b->party : "");
	return 0;
}

static int
by_identity(const void *pa, const void *pb)
{
	const struct side_entry *a = pa, *b = pb;
	int c = tt_milestone_identity_compare(a->m, b->m);

	if (c != 0)
		return c;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* The milestones of S, dated then pending, sorted by identity; NULL
 * when memory runs out (or S has none: *N is then 0). */
static struct side_entry *
side_collect(const tt_schedule *s, size_t *n)
{
	size_t dated = tt_schedule_count(s);
	size_t pending = tt_schedule_pending_count(s);
	struct side_entry *e;

	*n = dated + pending;
	if (*n == 0)
		return NULL;
	if ((e = calloc(*n, sizeof *e)) == NULL)
		return NULL;
	for (size_t i = 0; i < dated; i++)
		e[i] = (struct side_entry){ tt_schedule_at(s, i), i };
	for (size_t i = 0; i < pending; i++)
		e[dated + i] = (struct side_entry){
			tt_schedule_pending_at(s, i), dated + i };
	qsort(e, *n, sizeof *e, by_identity);
	return e;
}

static bool
add_change(tt_diff *d, tt_change change, const tt_milestone *before,
	   const tt_milestone *after)
{
	tt_milestone_change *c;
	void *p;

	p = ttp_grow(d->ms, &d->ms_cap, d->nms + 1, sizeof *d->ms);
	if (p == NULL)
		return false;
	d->ms = p;
	c = &d->ms[d->nms++];
	memset(c, 0, sizeof *c);
	c->change = change;
	c->before = before;
	c->after = after;
	if (before != NULL && after != NULL && !before->pending &&
	    !after->pending) {
		c->has_days = true;
		c->days = tt_date_to_daynum(after->date) -
			  tt_date_to_daynum(before->date);
	}
	return true;
}

/* The milestone a change is placed by in the timeline: the older one,
 * unless it was added; dated ones before pending ones. */
static const tt_milestone *
placed_by(const tt_milestone_change *c)
{
	return c->before != NULL ? c->before : c->after;
}

static int
by_date(const void *pa, const void *pb)
{
	const tt_milestone_change *a = pa, *b = pb;
	const tt_milestone *ma = placed_by(a), *mb = placed_by(b);
	int c;

	if (ma->pending != mb->pending)
		return ma->pending ? 1 : -1;
	if (!ma->pending && (c = tt_date_compare(ma->date, mb->date)) != 0)
		return c;
	if ((c = tt_milestone_identity_compare(ma, mb)) != 0)
		return c;
	/* The same identity twice: removed before added, for a stable
	 * order. */
	return a->change < b->change ? 1 : a->change > b->change ? -1 : 0;
}

/* True if the two versions of a milestone fall on different days. */
static bool
has_moved(const tt_milestone *a, const tt_milestone *b)
{
	if (a->pending || b->pending)
		return a->pending != b->pending;
	return tt_date_compare(a->date, b->date) != 0;
}

tt_status
tt_diff_schedules(tt_diff *d, const tt_schedule *before,
		  const tt_schedule *after, tt_error *err)
{
	struct side_entry *a, *b;
	size_t na, nb, i = 0, j = 0;
	bool ok = true;

	d->nms = 0;
	a = side_collect(before, &na);
	b = side_collect(after, &nb);
	if ((na > 0 && a == NULL) || (nb > 0 && b == NULL)) {
		free(a);
		free(b);
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	}
	while (ok && (i < na || j < nb)) {
		int c = i == na ? 1 : j == nb ? -1 :
			tt_milestone_identity_compare(a[i].m, b[j].m);

		if (c < 0) {
			ok = add_change(d, TT_CHANGE_REMOVED, a[i++].m, NULL);
		} else if (c > 0) {
			ok = add_change(d, TT_CHANGE_ADDED, NULL, b[j++].m);
		} else {
			if (has_moved(a[i].m, b[j].m))
				ok = add_change(d, TT_CHANGE_MOVED, a[i].m,
						b[j].m);
			i++;
			j++;
		}
	}
	free(a);
	free(b);
	if (!ok) {
		d->nms = 0;
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	}
	if (d->nms > 1)
		qsort(d->ms, d->nms, sizeof *d->ms, by_date);
	return TT_OK;
}

size_t
tt_diff_milestone_count(const tt_diff *d)
{
	return d->nms;
}

const tt_milestone_change *
tt_diff_milestone_at(const tt_diff *d, size_t i)
{
	return i < d->nms ? &d->ms[i] : NULL;
}

/* --- clauses ---------------------------------------------------------- */

/* Stores S (with its NUL) in D's strings; its offset, SIZE_MAX for NULL,
 * or false when memory runs out. */
static bool
store(tt_diff *d, const char *s, size_t *off)
{
	size_t n;
	char *p;

	*off = SIZE_MAX;
	if (s == NULL)
		return true;
	n = strlen(s) + 1;
	if (n > SIZE_MAX - d->strings_len)
		return false;
	p = ttp_grow(d->strings, &d->strings_cap, d->strings_len + n, 1);
	if (p == NULL)
		return false;
	d->strings = p;
	memcpy(d->strings + d->strings_len, s, n);
	*off = d->strings_len;
	d->strings_len += n;
	return true;
}

static bool
add_clause(tt_diff *d, const tt_spec_key *k, size_t instance,
	   const char *before, const char *after, const char *party)
{
	struct clause_entry *c;
	void *p;

	p = ttp_grow(d->cl, &d->cl_cap, d->ncl + 1, sizeof *d->cl);
	if (p == NULL)
		return false;
	d->cl = p;
	c = &d->cl[d->ncl];
	memset(c, 0, sizeof *c);
	c->pub.section = k->section;
	c->pub.key = k->key;
	c->pub.instance = k->repeatable ? instance + 1 : 0;
	if (!store(d, before, &c->before) || !store(d, after, &c->after) ||
	    !store(d, party, &c->party))
		return false;
	d->ncl++;
	return true;
}

/* True if the two values differ, NULL being "not set". */
static bool
differ(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a != b;
	return strcmp(a, b) != 0;
}

/* Compares instance IA of BEFORE with instance IB of AFTER, keys K to
 * END (a section's), each change at instance INSTANCE and, for a party,
 * under its name PARTY; false when memory runs out. */
static bool
compare_instances(tt_diff *d, const tt_spec *before, size_t ia,
		  const tt_spec *after, size_t ib, size_t k, size_t end,
		  size_t instance, const char *party)
{
	char ba[TTP_VALUE_BUFSIZE], bb[TTP_VALUE_BUFSIZE];

	for (size_t j = k; j < end; j++) {
		const char *va = ttp_spec_value_text(before, j, ia, ba,
						      sizeof ba);
		const char *vb = ttp_spec_value_text(after, j, ib, bb,
						      sizeof bb);

		if (differ(va, vb) &&
		    !add_clause(d, tt_spec_key_at(j), instance, va, vb, party))
			return false;
	}
	return true;
}

/* The key of keys K to END (a section's) that its instances are matched
 * by: [party]'s "name", as the party's milestones are; SIZE_MAX for a
 * section matched instance by instance. */
static size_t
match_key(size_t k, size_t end)
{
	if (strcmp(tt_spec_key_at(k)->section, "party") != 0)
		return SIZE_MAX;
	for (size_t j = k; j < end; j++)
		if (strcmp(tt_spec_key_at(j)->key, "name") == 0)
			return j;
	return SIZE_MAX;
}

static int
by_name(const void *pa, const void *pb)
{
	const struct named *a = pa, *b = pb;
	int c = strcmp(a->name, b->name);

	if (c != 0)
		return c;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* The N instances of SPEC's section of the key NAME (a text, which is a
 * string of SPEC), sorted by their value of it; NULL when memory runs
 * out (or N is 0). */
static struct named *
named_collect(const tt_spec *spec, size_t name, size_t n)
{
	char buf[TTP_VALUE_BUFSIZE];
	struct named *e;

	if (n == 0 || (e = calloc(n, sizeof *e)) == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const char *v = ttp_spec_value_text(spec, name, i, buf,
						    sizeof buf);

		e[i] = (struct named){ v != NULL ? v : "", i };
	}
	qsort(e, n, sizeof *e, by_name);
	return e;
}

/* Compares the instances of keys K to END (a section's) matched by the
 * key NAME: those of BEFORE in its order, each with AFTER's of the same
 * name (the k-th of a name with the k-th, should one repeat) or removed
 * whole, then those only in AFTER, added whole.  A whole instance is one
 * change of NAME, set on one side only.  False when memory runs out. */
static bool
compare_named(tt_diff *d, const tt_spec *before, const tt_spec *after,
	      size_t k, size_t end, size_t name)
{
	size_t na = ttp_spec_instance_count(before, k);
	size_t nb = ttp_spec_instance_count(after, k);
	struct named *a = named_collect(before, name, na);
	struct named *b = named_collect(after, name, nb);
	size_t *partner = na > 0 ? calloc(na, sizeof *partner) : NULL;
	bool *taken = nb > 0 ? calloc(nb, sizeof *taken) : NULL;
	const tt_spec_key *nk = tt_spec_key_at(name);
	bool ok = false;
	size_t i = 0, j = 0;

	if ((na > 0 && (a == NULL || partner == NULL)) ||
	    (nb > 0 && (b == NULL || taken == NULL)))
		goto done;
	for (size_t x = 0; x < na; x++)
		partner[x] = SIZE_MAX;
	while (i < na && j < nb) {
		int c = strcmp(a[i].name, b[j].name);

		if (c < 0) {
			i++;
		} else if (c > 0) {
			j++;
		} else {
			partner[a[i++].pos] = b[j].pos;
			taken[b[j++].pos] = true;
		}
	}
	/* A[] and B[] were sorted: names by place again, from here on. */
	for (size_t x = 0; x < na; x++) {
		char buf[TTP_VALUE_BUFSIZE];
		const char *n = ttp_spec_value_text(before, name, x, buf,
						    sizeof buf);

		if (partner[x] == SIZE_MAX ?
		    !add_clause(d, nk, x, n, NULL, n) :
		    !compare_instances(d, before, x, after, partner[x], k, end,
				       partner[x], n))
			goto done;
	}
	for (size_t y = 0; y < nb; y++) {
		char buf[TTP_VALUE_BUFSIZE];
		const char *n = ttp_spec_value_text(after, name, y, buf,
						    sizeof buf);

		if (!taken[y] && !add_clause(d, nk, y, NULL, n, n))
			goto done;
	}
	ok = true;
done:
	free(a);
	free(b);
	free(partner);
	free(taken);
	return ok;
}

tt_status
tt_diff_specs(tt_diff *d, const tt_spec *before, const tt_spec *after,
	      tt_error *err)
{
	d->ncl = 0;
	d->strings_len = 0;
	/* A section at a time (its keys are together in the schema), and
	 * a repeating one instance by instance, so that the changes of one
	 * [party] are read together. */
	for (size_t k = 0, end; k < tt_spec_key_count(); k = end) {
		const char *section = tt_spec_key_at(k)->section;
		size_t na = ttp_spec_instance_count(before, k);
		size_t nb = ttp_spec_instance_count(after, k);
		size_t name;
		bool ok = true;

		for (end = k; end < tt_spec_key_count() &&
		     strcmp(tt_spec_key_at(end)->section, section) == 0; end++)
			;
		if ((name = match_key(k, end)) != SIZE_MAX)
			ok = compare_named(d, before, after, k, end, name);
		for (size_t i = 0; name == SIZE_MAX && ok &&
		     (i < na || i < nb); i++)
			ok = compare_instances(d, before, i, after, i, k, end,
					       i, NULL);
		if (!ok) {
			d->ncl = 0;
			return ttp_error_set(err, TT_ENOMEM, 0, 0,
					     "out of memory");
		}
	}
	/* The buffer has stopped moving: point into it. */
	for (size_t i = 0; i < d->ncl; i++) {
		struct clause_entry *c = &d->cl[i];

		c->pub.before = c->before == SIZE_MAX ? NULL :
				d->strings + c->before;
		c->pub.after = c->after == SIZE_MAX ? NULL :
			       d->strings + c->after;
		c->pub.party = c->party == SIZE_MAX ? NULL :
			       d->strings + c->party;
	}
	return TT_OK;
}

size_t
tt_diff_clause_count(const tt_diff *d)
{
	return d->ncl;
}

const tt_clause_change *
tt_diff_clause_at(const tt_diff *d, size_t i)
{
	return i < d->ncl ? &d->cl[i].pub : NULL;
}
