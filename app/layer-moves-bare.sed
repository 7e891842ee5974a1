# Atelier branch `layers`: for files in app/api/ and app/catalog/ only — their bare includes of
# headers that moved to app/model/ and app/imaging/ (see layer-moves.sed).
s|#include "endpoint\.h"|#include "model/endpoint.h"|
s|#include "parameters\.h"|#include "model/parameters.h"|
s|#include "imagerequest\.h"|#include "model/imagerequest.h"|
s|#include "apierror\.h"|#include "model/apierror.h"|
s|#include "imageresult\.h"|#include "model/imageresult.h"|
s|#include "violation\.h"|#include "model/violation.h"|
s|#include "imagefileinfo\.h"|#include "imaging/imagefileinfo.h"|
s|#include "svgimage\.h"|#include "imaging/svgimage.h"|
s|#include "pngdecoder\.h"|#include "imaging/pngdecoder.h"|
