/*
 * serve-http.c -- the HTTP server of "treatyterm serve" on libmicrohttpd
 * (see serve-http.h).
 *
 * The request target is taken as the client sent it, from the library's
 * URI log callback, before the library decodes it: the application
 * parses and decodes it itself (serve-query.c), so that its limits and
 * its splitting apply to the bytes received.  The library's internal
 * polling thread runs every callback; the caller's thread only waits for
 * a signal.
 */
#include <config.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "serve/serve-http.h"
#include "serve/serve-query.h"

struct serve_http {
	struct MHD_Daemon *d;
	serve_handler *handler;
	serve_warn *warn;
	void *ctx;
	unsigned port;
};

/* One request, from the URI callback to the completion callback. */
struct request {
	char *target;		/* as sent */
	bool headers;		/* the first call, on the headers, was made */
	bool answered;
};

static void *
uri_logger(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct request *r = calloc(1, sizeof *r);

	(void)cls;
	(void)c;
	if (r != NULL && (r->target = strdup(uri)) == NULL) {
		free(r);
		r = NULL;
	}
	return r;
}

static void
completed(void *cls, struct MHD_Connection *c, void **con_cls,
	  enum MHD_RequestTerminationCode toe)
{
	struct request *r = *con_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (r != NULL) {
		free(r->target);
		free(r);
		*con_cls = NULL;
	}
}

/* libmicrohttpd's own messages (a request it refused itself), handed to
 * the caller's WARN; FMT is the library's. */
#if defined(__GNUC__)
static void library_log(void *cls, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
#endif

static void
library_log(void *cls, const char *fmt, va_list ap)
{
	struct serve_http *h = cls;
	char buf[512];
	size_t n;

	vsnprintf(buf, sizeof buf, fmt, ap);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	h->warn(h->ctx, buf);
}

static const char *
status_text(int status)
{
	switch (status) {
	case 400: return "Bad Request";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 414: return "URI Too Long";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Error";
	}
}

/* The client's address, for the log. */
static void
client_address(struct MHD_Connection *c, char *buf, size_t size)
{
	const union MHD_ConnectionInfo *ci;
	const struct sockaddr *sa;

	snprintf(buf, size, "-");
	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci == NULL || (sa = ci->client_addr) == NULL)
		return;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET,
			  &((const struct sockaddr_in *)(const void *)sa)
				  ->sin_addr, buf, (socklen_t)size);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6,
			  &((const struct sockaddr_in6 *)(const void *)sa)
				  ->sin6_addr, buf, (socklen_t)size);
}

/* One line per request: who, what, the answer and its size. */
static void
log_request(struct MHD_Connection *c, const char *method,
	    const char *target, int status, size_t len)
{
	char addr[INET6_ADDRSTRLEN + 1];

	client_address(c, addr, sizeof addr);
	/* The target is as sent, which may hold anything: cut and mark it. */
	fprintf(stderr, "%s \"%s ", addr, method);
	for (const char *p = target; *p != '\0' && p - target < 200; p++)
		fputc((unsigned char)*p < 0x20 || *p == '"' ||
		      (unsigned char)*p >= 0x7f ? '?' : *p, stderr);
	fprintf(stderr, "\" %d %zu\n", status, len);
}

static enum MHD_Result
answer(struct MHD_Connection *c, const char *method, const char *target,
       struct serve_response *rs)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	char date[SERVE_HTTP_DATE_SIZE], quoted[sizeof rs->etag + 2];
	bool validators = rs->status == 200 || rs->status == 304;

	if (rs->body == NULL) {
		char text[128];
		int n = snprintf(text, sizeof text, "%d %s\n", rs->status,
				 status_text(rs->status));

		rs->body = strdup(text);
		rs->len = rs->body != NULL ? (size_t)n : 0;
		rs->content_type = "text/plain; charset=utf-8";
	}
	resp = MHD_create_response_from_buffer(rs->len, rs->body,
					       MHD_RESPMEM_MUST_FREE);
	if (resp == NULL) {
		free(rs->body);
		log_request(c, method, target, 500, 0);
		return MHD_NO;
	}
	if (rs->content_type != NULL)
		MHD_add_response_header(resp, "Content-Type",
					rs->content_type);
	if (validators && rs->etag[0] != '\0') {
		snprintf(quoted, sizeof quoted, "\"%s\"", rs->etag);
		MHD_add_response_header(resp, "ETag", quoted);
	}
	if (validators && rs->last_modified != 0) {
		serve_http_date(rs->last_modified, date);
		MHD_add_response_header(resp, "Last-Modified", date);
	}
	if (rs->status == 405)
		MHD_add_response_header(resp, "Allow", "GET, HEAD");
	/* Feeds are re-read on change: clients must revalidate. */
	MHD_add_response_header(resp, "Cache-Control", "no-cache");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	ret = MHD_queue_response(c, (unsigned)rs->status, resp);
	MHD_destroy_response(resp);
	log_request(c, method, target, rs->status, rs->len);
	return ret;
}

static enum MHD_Result
access_handler(void *cls, struct MHD_Connection *c, const char *url,
	       const char *method, const char *version,
	       const char *upload_data, size_t *upload_data_size,
	       void **con_cls)
{
	struct serve_http *h = cls;
	struct request *r = *con_cls;
	struct serve_response rs;
	struct serve_request rq;
	const char *target = r != NULL ? r->target : url;

	(void)version;
	(void)upload_data;
	memset(&rs, 0, sizeof rs);
	/* A GET or HEAD without a body is answered on the second call,
	 * once libmicrohttpd knows the request is whole: answered on the
	 * first, the connection would be closed after it, not kept alive.
	 * A request with a body is answered on the first (and the
	 * connection closed): its body is never read. */
	if (r != NULL && !r->headers) {
		r->headers = true;
		if ((strcmp(method, "GET") == 0 ||
		     strcmp(method, "HEAD") == 0) &&
		    MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						"Content-Length") == NULL &&
		    MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						"Transfer-Encoding") == NULL)
			return MHD_YES;
	}
	if (r != NULL && r->answered) {
		/* A body after the answer (a refused POST): drop it. */
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (r != NULL)
		r->answered = true;
	if (r == NULL) {
		rs.status = 503;	/* no memory for the request */
		return answer(c, method, target, &rs);
	}
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		rs.status = 405;
		return answer(c, method, target, &rs);
	}
	rq.method = method;
	rq.target = target;
	rq.host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
	h->handler(h->ctx, &rq, &rs);
	if (rs.status == 200 &&
	    serve_not_modified(MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							   "If-None-Match"),
			       MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							   "If-Modified-Since"),
			       rs.etag, rs.last_modified)) {
		free(rs.body);
		rs.body = NULL;
		rs.len = 0;
		rs.status = 304;
		rs.body = malloc(1);
		if (rs.body == NULL)
			return MHD_NO;
	}
	return answer(c, method, target, &rs);
}

struct serve_http *
serve_http_start(const char *host, unsigned port, serve_handler *handler,
		 serve_warn *warn, void *ctx, char *why, size_t whysize)
{
	struct serve_http *h;
	struct sockaddr_in sin;
	struct sockaddr_in6 sin6;
	const struct sockaddr *sa;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	const union MHD_DaemonInfo *di;

	memset(&sin, 0, sizeof sin);
	memset(&sin6, 0, sizeof sin6);
	if (inet_pton(AF_INET, host, &sin.sin_addr) == 1) {
		sin.sin_family = AF_INET;
		sin.sin_port = htons((uint16_t)port);
		sa = (const struct sockaddr *)&sin;
	} else if (inet_pton(AF_INET6, host, &sin6.sin6_addr) == 1) {
		sin6.sin6_family = AF_INET6;
		sin6.sin6_port = htons((uint16_t)port);
		sa = (const struct sockaddr *)&sin6;
		flags |= MHD_USE_IPv6;
	} else {
		snprintf(why, whysize, "'%s' is not a numeric IPv4 or IPv6 "
			 "address", host);
		return NULL;
	}
	if ((h = calloc(1, sizeof *h)) == NULL) {
		snprintf(why, whysize, "out of memory");
		return NULL;
	}
	h->handler = handler;
	h->warn = warn;
	h->ctx = ctx;
	h->d = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL,
				access_handler, h,
				MHD_OPTION_EXTERNAL_LOGGER, library_log, h,
				MHD_OPTION_SOCK_ADDR, sa,
				MHD_OPTION_URI_LOG_CALLBACK, uri_logger, NULL,
				MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
				MHD_OPTION_CONNECTION_LIMIT,
				(unsigned)SERVE_CONNECTIONS_MAX,
				MHD_OPTION_CONNECTION_MEMORY_LIMIT,
				(size_t)SERVE_CONNECTION_MEMORY,
				MHD_OPTION_CONNECTION_TIMEOUT,
				(unsigned)SERVE_TIMEOUT,
				MHD_OPTION_END);
	if (h->d == NULL) {
		snprintf(why, whysize, "cannot listen on %s port %u (in use, "
			 "or not an address of this machine)", host, port);
		free(h);
		return NULL;
	}
	di = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
	h->port = di != NULL ? di->port : port;
	return h;
}

unsigned
serve_http_port(const struct serve_http *h)
{
	return h->port;
}

void
serve_http_stop(struct serve_http *h)
{
	if (h == NULL)
		return;
	MHD_stop_daemon(h->d);
	free(h);
}
