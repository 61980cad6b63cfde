#ifndef HAZMAP_CGEOS_SHIM_H
#define HAZMAP_CGEOS_SHIM_H
// Only the reentrant (*_r) API is visible to hazmap.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif
