#pragma once
// The widgets use every layer of app/.
#include "library/store.h"
#include "model/value.h"
