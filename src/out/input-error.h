/*
 * input-error.h -- an input that could not be read, as the commands that
 * read many (agenda, serve) keep it and the writers show it.
 */
#ifndef TREATYTERM_INPUT_ERROR_H
#define TREATYTERM_INPUT_ERROR_H

/* An input, or part of one, that could not be read. */
struct input_error {
	char *input;		/* as in struct treaty's SOURCE, or the
				 * operand as given */
	unsigned long line;	/* 1-based; 0 for the input as a whole */
	unsigned long column;	/* 1-based; 0 when unknown.  In a CSV
				 * file, the number of the bad cell's
				 * column */
	char *message;		/* without the location */
	char *text;		/* as printed: "FILE:LINE:COL: message" and
				 * the like, without the program's name */
	char *treaty;		/* the treaty it held when known (a CSV
				 * row's id or name), else NULL */
};

#endif /* TREATYTERM_INPUT_ERROR_H */
