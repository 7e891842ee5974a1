# The layers of Atelier, bottom to top, and what each one may include: its own folder and the
# layers listed, nothing else. app/CMakeLists.txt links each layer's library to exactly these,
# and app/checklayers.cmake fails the build on an #include that reaches any other layer (up, or
# sideways: the catalog and the API client do not know each other). One folder per layer:
# app/<layer>/, and ui/ for the studio's widgets. Tests may include anything.
set(ATELIER_LAYERS platform model imaging mask catalog api library studio batch cli ui)

set(ATELIER_LAYER_USES_platform "")                                # files, keychain-free OS glue, signals
set(ATELIER_LAYER_USES_model "")                                   # value types: requests, results, errors
set(ATELIER_LAYER_USES_imaging platform model)                     # image files: PNG, SVG, headers
set(ATELIER_LAYER_USES_mask platform model imaging)                # mask and markup documents
set(ATELIER_LAYER_USES_catalog platform model imaging)             # models, rules, costs
set(ATELIER_LAYER_USES_api platform model imaging)                 # HTTP: requests, streams, jobs
set(ATELIER_LAYER_USES_library platform model imaging catalog)     # the gallery on disk
set(ATELIER_LAYER_USES_studio platform model imaging mask catalog api library) # non-widget logic
set(ATELIER_LAYER_USES_batch platform model imaging catalog api library studio) # Batch API runs
set(ATELIER_LAYER_USES_cli platform model imaging mask catalog api library studio batch)
set(ATELIER_LAYER_USES_ui platform model imaging mask catalog api library studio batch)
