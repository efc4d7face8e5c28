/* image-query.h - ask the terminal which picture protocol it speaks
 * (image-detect.h says what to ask and reads the answers).
 *
 * The terminal is put in raw mode for the round trip and restored; the
 * wait ends at the device attributes' answer, or at the timeout (a
 * terminal that answers nothing at all). */
#ifndef FOLIO_IMAGE_QUERY_H
#define FOLIO_IMAGE_QUERY_H

/* Ask through fd (a terminal, read and written): an image_mode, or -1
 * when no complete answer came within timeout_ms or fd is no terminal. */
int image_query_fd(int fd, int timeout_ms);

/* image_query_fd on /dev/tty. */
int image_query_terminal(int timeout_ms);

#endif
