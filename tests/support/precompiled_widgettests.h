// precompiled_tests.h and the widgets, for the widget tests (ATELIER_PCH, tests/CMakeLists.txt).
#pragma once

#include "precompiled_tests.h"
#include "precompiled_widgets.h"
