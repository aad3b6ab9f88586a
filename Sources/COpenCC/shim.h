#ifndef REPORTKIT_COPENCC_SHIM_H
#define REPORTKIT_COPENCC_SHIM_H
// OpenCC's C API: opencc_open / opencc_convert_utf8 / opencc_convert_utf8_free / opencc_close.
#include <opencc/opencc.h>
#endif
