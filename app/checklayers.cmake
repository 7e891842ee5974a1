# Fails when an #include "..." points to a layer its file may not use, or a file is in a folder
# of app/ that is no layer (see layers.cmake).
#   cmake -DROOT=<dir holding app/ and ui/> [-DFILES=<files below ROOT, ;-separated>]
#         [-DSTAMP=<file to touch on success>] -P checklayers.cmake
# Without FILES every .h and .cpp below ROOT/app and ROOT/ui is checked.
cmake_minimum_required(VERSION 3.22)
include(${CMAKE_CURRENT_LIST_DIR}/layers.cmake)

if(NOT ROOT)
    message(FATAL_ERROR "checklayers.cmake: pass -DROOT=<the folder that holds app/ and ui/>")
endif()
if(NOT FILES)
    file(GLOB_RECURSE FILES RELATIVE ${ROOT} ${ROOT}/app/*.h ${ROOT}/app/*.cpp
        ${ROOT}/ui/*.h ${ROOT}/ui/*.cpp)
endif()

# The layer a file below ROOT belongs to: empty for app/ itself, and the folder's name in
# brackets for a folder of app/ that is no layer.
function(atelier_layer_of file out)
    set(layer "")
    if(file MATCHES "^ui/")
        set(layer ui)
    elseif(file MATCHES "^app/([^/]+)/")
        set(layer ${CMAKE_MATCH_1})
        if(NOT layer IN_LIST ATELIER_LAYERS)
            set(layer "[${layer}]")
        endif()
    endif()
    set(${out} "${layer}" PARENT_SCOPE)
endfunction()

set(problems "")
foreach(file IN LISTS FILES)
    atelier_layer_of(${file} layer)
    if(layer STREQUAL "")
        continue()
    endif()
    if(layer MATCHES "^\\[(.*)\\]$")
        string(APPEND problems "  ${file} is in app/${CMAKE_MATCH_1}/, which is no layer: add "
            "${CMAKE_MATCH_1} to app/layers.cmake with the layers it uses, or move the file "
            "into a layer's folder.\n")
        continue()
    endif()
    set(allowed ${layer} ${ATELIER_LAYER_USES_${layer}})
    get_filename_component(dir ${file} DIRECTORY)
    file(STRINGS ${ROOT}/${file} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
    foreach(line IN LISTS includes)
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" name "${line}")
        # As the compiler looks: beside the file first, then from app/ (the include root).
        if(EXISTS ${ROOT}/${dir}/${name})
            set(target ${dir}/${name})
        elseif(EXISTS ${ROOT}/app/${name})
            set(target app/${name})
        else()
            continue() # generated (atelierversion.h), a ui/ folder include, or a test's own
        endif()
        atelier_layer_of(${target} target_layer)
        if(NOT target_layer STREQUAL "" AND NOT target_layer IN_LIST allowed)
            list(JOIN ATELIER_LAYER_USES_${layer} ", " uses)
            if(uses STREQUAL "")
                set(uses "no other layer")
            endif()
            string(APPEND problems
                "  ${file} includes \"${name}\": ${layer} may not use ${target_layer} "
                "(${layer} may use ${uses}).\n")
        endif()
    endforeach()
endforeach()

if(NOT problems STREQUAL "")
    message(FATAL_ERROR "Files break the layers (app/layers.cmake says what each may use):\n"
        "${problems}"
        "Move the code a file needs down a layer, or pass it in from above.")
endif()
if(STAMP)
    file(TOUCH ${STAMP})
endif()
