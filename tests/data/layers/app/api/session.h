#pragma once
#include "atelierversion.h" // generated: not a layer's file
