#pragma once
// The widgets use every layer of app/, and what is at its root.
#include "library/store.h"
#include "model/value.h"
#include "shared.h"
