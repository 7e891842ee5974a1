#pragma once
// A value type: includes no other layer.
struct Value
{
};
