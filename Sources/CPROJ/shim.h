#ifndef HAZMAP_CPROJ_SHIM_H
#define HAZMAP_CPROJ_SHIM_H
#include <proj.h>
#include <geodesic.h>
#endif
