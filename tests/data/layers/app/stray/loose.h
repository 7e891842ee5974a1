#pragma once
// Planted: a folder of app/ that app/layers.cmake does not name.
#include "model/value.h"
