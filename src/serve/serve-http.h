/*
 * serve-http.h -- the HTTP server under "treatyterm serve".
 *
 * The only file that knows the HTTP library (libmicrohttpd).  It accepts
 * connections on one address, refuses what the application never sees
 * (methods other than GET and HEAD: 405; oversized requests: 414 or 431,
 * too many connections), hands each GET or HEAD to a handler with the
 * request target as sent, answers 304 for a conditional request whose
 * validators match (serve_not_modified()), and writes one log line per
 * request on standard error.
 *
 * Every request is handled in the library's one internal thread, one at
 * a time, so the handler needs no locks.
 */
#ifndef TREATYTERM_SERVE_HTTP_H
#define TREATYTERM_SERVE_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* At most this many connections at once; more are closed at accept. */
#define SERVE_CONNECTIONS_MAX 128
/* Memory for one connection's request line and headers (and the
 * library's own use): a request larger than that is refused by the
 * library with 414 (request line) or 431 (headers). */
#define SERVE_CONNECTION_MEMORY (32 * 1024)
/* Seconds a connection may stay idle. */
#define SERVE_TIMEOUT 15

struct serve_request {
	const char *method;	/* "GET" or "HEAD" */
	const char *target;	/* as sent: path and query, not decoded */
	const char *host;	/* the Host header, or NULL */
};

struct serve_response {
	int status;
	const char *content_type;
	char *body;		/* malloc()ed; the server frees it */
	size_t len;
	/* Validators, for 200 answers: an opaque tag (written quoted) and
	 * the time the content last changed; "" and 0 for none. */
	char etag[24];
	time_t last_modified;
};

/* Fills RS for RQ; RS comes zeroed.  A body NULL with a status other
 * than 200 is answered with a short text. */
typedef void serve_handler(void *ctx, const struct serve_request *rq,
			   struct serve_response *rs);

/* A message of the HTTP library (a request it refused itself), for the
 * caller to print: this level writes only its access log. */
typedef void serve_warn(void *ctx, const char *msg);

struct serve_http;

/* Listens on HOST (a numeric IPv4 or IPv6 address) and PORT (0: any
 * free port) and starts serving with HANDLER, passing the HTTP library's
 * messages to WARN.  NULL with WHY filled on failure. */
struct serve_http *serve_http_start(const char *host, unsigned port,
				    serve_handler *handler, serve_warn *warn,
				    void *ctx, char *why, size_t whysize);
/* The port listened on. */
unsigned serve_http_port(const struct serve_http *h);
/* Stops: closes the listening socket and every connection, waits for the
 * thread, frees H (NULL is a no-op). */
void serve_http_stop(struct serve_http *h);

#endif /* TREATYTERM_SERVE_HTTP_H */
