/*
 * pager.h -- long output on a terminal through a pager, as git does, and
 * whether to colour it.
 *
 * Only when standard output is a terminal: output to a pipe or a file is
 * never paged nor coloured, so scripts see plain text.  The pager is
 * $TREATYTERM_PAGER, else $PAGER, else "less"; an empty value or "cat"
 * means none.  LESS is set to "FRX" when unset (quit if one screen, pass
 * colours, do not clear the screen), LV to "-c", as git does.  A pager
 * that cannot be started is no error: the output goes to the terminal.
 */
#ifndef TREATYTERM_PAGER_H
#define TREATYTERM_PAGER_H

#include <stdbool.h>
#include <stdio.h>

struct pager {
	FILE *fp;		/* the pager's input, or stdout */
	bool running;		/* FP is a pipe to the pager */
};

/* Starts the pager if standard output is a terminal and one is wanted;
 * P->fp is where to write either way. */
void pager_start(struct pager *p);
/* Closes the pager's input and waits for it to quit; returns false if
 * writing to it failed (errno says why).  Without a pager, flushes
 * standard output. */
bool pager_finish(struct pager *p);
/* True if output to a terminal may be coloured: standard output is a
 * terminal, NO_COLOR is unset or empty, and TERM is not "dumb". */
bool pager_color(void);

#endif /* TREATYTERM_PAGER_H */
