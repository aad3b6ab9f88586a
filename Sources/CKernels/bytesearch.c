#define _GNU_SOURCE
#include <string.h>
#include "CKernels.h"

int rk_contains_bytes(const void *bytes, size_t length, const void *needle, size_t needle_length) {
    if (needle_length == 0) return 1;
    if (needle_length > length) return 0;
    return memmem(bytes, length, needle, needle_length) != NULL;
}
