/*
 * treatyterm/treatyterm.h -- dates from treaty-duration clauses.
 *
 * Include this header to use libtreatyterm.  The library never prints,
 * never exits and keeps no global state of its own; it is safe to use from
 * several threads as long as each object is used by one thread at a time.
 * The iCalendar functions (ics.h) use libical, which fills global caches
 * on first use: make the first such call before starting other threads.
 *
 * Ownership, once for the whole library: whatever a *_new() or *_clone()
 * function returns is the caller's and is released with the matching
 * *_free(), which accepts NULL.  Pointers returned by other functions
 * (strings, milestones) belong to the object they came from and stay valid
 * until it is changed or freed.  Buffers a function fills are the
 * caller's.  Functions returning char ** give malloc'ed memory to be
 * released with free().
 */
#ifndef TREATYTERM_H
#define TREATYTERM_H

#include <treatyterm/error.h>
#include <treatyterm/date.h>
#include <treatyterm/spec.h>
#include <treatyterm/schedule.h>
#include <treatyterm/preset.h>
#include <treatyterm/ics.h>
#include <treatyterm/diff.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, "X.Y.Z". */
const char *tt_version(void);

#ifdef __cplusplus
}
#endif
#endif /* TREATYTERM_H */
