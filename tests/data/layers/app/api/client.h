#pragma once
// Down a layer, and beside itself: allowed.
#include "model/value.h"
#include "session.h"
