/* Fuzzing helper: bytes as a file that readers can open by path. */
#ifndef DYAD_FUZZ_MEMFILE_H
#define DYAD_FUZZ_MEMFILE_H

#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

/* Write data[0..n) to an anonymous memory file; its path goes to path.
 * Returns the descriptor to close() after use, or -1. */
static int fuzz_memfile(const uint8_t *data, size_t n, const char *name, char path[64])
{
	int fd = memfd_create(name, 0);
	if (fd < 0)
		return -1;
	if (write(fd, data, n) != (ssize_t)n) {
		close(fd);
		return -1;
	}
	snprintf(path, 64, "/proc/self/fd/%d", fd);
	return fd;
}

#endif
