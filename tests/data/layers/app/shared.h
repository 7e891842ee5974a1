#pragma once
// At the root of app/, in no layer: any file may include it (as the precompiled headers).
