#pragma once
// Planted: a value type reaching up into the API client.
#include "api/client.h"
