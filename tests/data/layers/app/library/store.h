#pragma once
// Down to model and catalog: allowed.
#include "catalog/rules.h"
#include "model/value.h"
