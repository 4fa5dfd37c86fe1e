/*
 * serve-state.c -- SEQUENCE and cancellations carried over from one
 * version of the served events to the next (see serve-state.h).
 *
 * Records are looked up by a linear search: a server holds the events of
 * a few hundred treaties at most, and the set is compared only when an
 * input changes.
 */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/grow.h"
#include "serve/serve-state.h"

void
serve_state_init(struct serve_state *st)
{
	memset(st, 0, sizeof *st);
}

static void
record_free(struct serve_record *r)
{
	free(r->uid);
	free(r->kind);
	free(r->treaty);
	free(r->summary);
	free(r->party);
}

void
serve_state_free(struct serve_state *st)
{
	for (size_t i = 0; i < st->n; i++)
		record_free(&st->r[i]);
	free(st->r);
	serve_state_init(st);
}

const struct serve_record *
serve_state_find(const struct serve_state *st, const char *uid)
{
	for (size_t i = 0; i < st->n; i++)
		if (strcmp(st->r[i].uid, uid) == 0)
			return &st->r[i];
	return NULL;
}

static bool
is_date(const char *s)
{
	return strlen(s) == 8 && strspn(s, "0123456789") == 8;
}

/* The date of YYYYMMDD S (is_date() true), or false if no such day. */
static bool
parse_date(const char *s, tt_date *d)
{
	d->year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
		  (s[2] - '0') * 10 + (s[3] - '0');
	d->month = (s[4] - '0') * 10 + (s[5] - '0');
	d->day = (s[6] - '0') * 10 + (s[7] - '0');
	return tt_date_is_valid(*d);
}

/* A copy of S with tabs and line ends as spaces, which the file's
 * format cannot hold. */
static char *
field_dup(const char *s)
{
	char *d = strdup(s);

	for (char *p = d; p != NULL && *p != '\0'; p++)
		if (*p == '\t' || *p == '\r' || *p == '\n')
			*p = ' ';
	return d;
}

/* Sets R's texts from EV; false when memory runs out. */
static bool
record_set(struct serve_record *r, const struct serve_event_key *ev)
{
	char *kind = field_dup(ev->kind), *treaty = field_dup(ev->treaty);
	char *summary = field_dup(ev->summary);
	char *party = field_dup(ev->party != NULL ? ev->party : "");

	if (kind == NULL || treaty == NULL || summary == NULL ||
	    party == NULL) {
		free(kind);
		free(treaty);
		free(summary);
		free(party);
		return false;
	}
	free(r->kind);
	free(r->treaty);
	free(r->summary);
	free(r->party);
	r->kind = kind;
	r->treaty = treaty;
	r->summary = summary;
	r->party = party;
	snprintf(r->dtstart, sizeof r->dtstart, "%.8s", ev->dtstart);
	snprintf(r->dtend, sizeof r->dtend, "%.8s", ev->dtend);
	r->hash = ev->hash;
	return true;
}

static struct serve_record *
record_add(struct serve_state *st, const char *uid)
{
	struct serve_record *r;
	void *p = ttp_grow(st->r, &st->cap, st->n + 1, sizeof *st->r);

	if (p == NULL)
		return NULL;
	st->r = p;
	r = &st->r[st->n];
	memset(r, 0, sizeof *r);
	if ((r->uid = field_dup(uid)) == NULL)
		return NULL;
	st->n++;
	return r;
}

bool
serve_state_load(struct serve_state *st, const char *path, char *why,
		 size_t whysize)
{
	/* A line of any length: a record holds users' texts whole, and
	 * what serve_state_save() writes must read back. */
	char *line = NULL;
	size_t linecap = 0;
	unsigned long lineno = 0;
	FILE *fp = fopen(path, "r");
	bool ok = false;

	if (fp == NULL) {
		if (errno == ENOENT)
			return true;
		snprintf(why, whysize, "%s: %s", path, strerror(errno));
		return false;
	}
	errno = 0;
	while (getline(&line, &linecap, fp) != -1) {
		char *f[11], *p = line, *end;
		struct serve_record *r;
		struct serve_event_key k;
		unsigned long seq;
		size_t nf = 0;
		tt_date on = { 0, 0, 0 };

		lineno++;
		line[strcspn(line, "\n")] = '\0';
		while (nf < 11) {
			f[nf++] = p;
			if ((p = strchr(p, '\t')) == NULL)
				break;
			*p++ = '\0';
		}
		errno = 0;
		seq = nf >= 9 ? strtoul(f[1], &end, 10) : 0;
		if ((nf != 9 && nf != 11) || p != NULL || errno != 0 ||
		    *end != '\0' ||
		    (nf == 11 && f[10][0] != '\0' &&
		     (!is_date(f[10]) || !parse_date(f[10], &on))) ||
		    f[1][0] == '\0' || seq > 0x7fffffffUL || f[0][0] == '\0' ||
		    strlen(f[2]) != 16 ||
		    strspn(f[2], "0123456789abcdef") != 16 ||
		    !is_date(f[3]) || !is_date(f[4]) ||
		    (strcmp(f[5], "CONFIRMED") != 0 &&
		     strcmp(f[5], "CANCELLED") != 0) ||
		    serve_state_find(st, f[0]) != NULL) {
			snprintf(why, whysize, "%s:%lu: not a state record "
				 "(UID, SEQUENCE, HASH, DTSTART, DTEND, "
				 "STATUS, KIND, TREATY, SUMMARY, PARTY, "
				 "CANCELLED_ON, separated by tabs; each UID "
				 "once)", path, lineno);
			goto done;
		}
		k.uid = f[0];
		k.hash = strtoull(f[2], NULL, 16);
		k.dtstart = f[3];
		k.dtend = f[4];
		k.kind = f[6];
		k.treaty = f[7];
		k.summary = f[8];
		k.party = nf == 11 ? f[9] : NULL;
		if ((r = record_add(st, f[0])) == NULL ||
		    !record_set(r, &k)) {
			snprintf(why, whysize, "out of memory");
			goto done;
		}
		r->seq = (unsigned)seq;
		r->cancelled = strcmp(f[5], "CANCELLED") == 0;
		/* Unknown (year 0): the next update says today. */
		r->cancelled_on = r->cancelled ? on : (tt_date){ 0, 0, 0 };
		errno = 0;
	}
	if (ferror(fp) || errno == ENOMEM) {
		snprintf(why, whysize, "%s: %s", path, errno == ENOMEM ?
			 "out of memory" : "read error");
		goto done;
	}
	ok = true;
done:
	free(line);
	fclose(fp);
	return ok;
}

bool
serve_state_save(const struct serve_state *st, const char *path)
{
	size_t n = strlen(path);
	char *tmp = malloc(n + sizeof ".tmp-XXXXXX");
	FILE *fp;
	int fd, saved;

	if (tmp == NULL)
		return false;
	memcpy(tmp, path, n);
	memcpy(tmp + n, ".tmp-XXXXXX", sizeof ".tmp-XXXXXX");
	if ((fd = mkstemp(tmp)) < 0 || (fp = fdopen(fd, "w")) == NULL) {
		saved = errno;
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		errno = saved;
		return false;
	}
	for (size_t i = 0; i < st->n; i++) {
		const struct serve_record *r = &st->r[i];
		char on[16] = "";

		if (r->cancelled && r->cancelled_on.year > 0)
			snprintf(on, sizeof on, "%04d%02d%02d",
				 r->cancelled_on.year, r->cancelled_on.month,
				 r->cancelled_on.day);
		fprintf(fp, "%s\t%u\t%016" PRIx64 "\t%s\t%s\t%s\t%s\t%s\t%s"
			"\t%s\t%s\n", r->uid, r->seq, r->hash, r->dtstart,
			r->dtend, r->cancelled ? "CANCELLED" : "CONFIRMED",
			r->kind, r->treaty, r->summary, r->party, on);
	}
	if (fflush(fp) != 0 || ferror(fp) || fsync(fileno(fp)) != 0) {
		saved = errno ? errno : EIO;
		fclose(fp);
		unlink(tmp);
		free(tmp);
		errno = saved;
		return false;
	}
	if (fclose(fp) != 0 || rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		free(tmp);
		errno = saved;
		return false;
	}
	free(tmp);
	return true;
}

/* Drops the cancellations older than SERVE_STATE_KEEP_DAYS on TODAY,
 * and dates those of unknown day TODAY; 1 if any record changed. */
static int
drop_old(struct serve_state *st, tt_date today)
{
	int changed = 0;
	size_t k = 0;

	for (size_t i = 0; i < st->n; i++) {
		struct serve_record *r = &st->r[i];

		if (r->cancelled && r->cancelled_on.year == 0) {
			r->cancelled_on = today;
			changed = 1;
		}
		if (r->cancelled && tt_date_diff_days(r->cancelled_on, today) >
		    SERVE_STATE_KEEP_DAYS) {
			record_free(r);
			changed = 1;
			continue;
		}
		st->r[k++] = *r;
	}
	st->n = k;
	return changed;
}

int
serve_state_update(struct serve_state *st, const struct serve_event_key *ev,
		   size_t n, tt_date today, bool complete)
{
	int changed = 0;

	for (size_t i = 0; i < st->n; i++)
		st->r[i].seen = false;
	for (size_t i = 0; i < n; i++) {
		struct serve_record *r = NULL;

		for (size_t j = 0; j < st->n; j++)
			if (strcmp(st->r[j].uid, ev[i].uid) == 0)
				r = &st->r[j];
		if (r == NULL) {
			if ((r = record_add(st, ev[i].uid)) == NULL ||
			    !record_set(r, &ev[i]))
				return -1;
			r->seen = true;
			changed = 1;
			continue;
		}
		r->seen = true;
		if (r->hash == ev[i].hash && !r->cancelled)
			continue;
		if (!record_set(r, &ev[i]))
			return -1;
		r->seq++;
		r->cancelled = false;
		changed = 1;
	}
	for (size_t i = 0; complete && i < st->n; i++)
		if (!st->r[i].seen && !st->r[i].cancelled) {
			st->r[i].cancelled = true;
			st->r[i].cancelled_on = today;
			st->r[i].seq++;
			changed = 1;
		}
	return drop_old(st, today) | changed;
}
