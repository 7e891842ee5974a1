#pragma once
// Planted: the catalog and the API client do not know each other.
#include "api/client.h"
