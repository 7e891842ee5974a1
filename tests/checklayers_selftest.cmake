# The layer check (app/checklayers.cmake) against planted includes in tests/data/layers: the
# allowed ones pass (a file at the root of app/ too), an upward and a sideways include fail and
# are named, and so does a file in a folder of app/ that is no layer.
#   cmake -DCHECK=<app/checklayers.cmake> -DFIXTURE=<tests/data/layers> -P checklayers_selftest.cmake
cmake_minimum_required(VERSION 3.22)

function(run_check files result_var output_var)
    execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${FIXTURE} "-DFILES=${files}" -P ${CHECK}
        RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
    set(${result_var} ${result} PARENT_SCOPE)
    set(${output_var} "${out}${err}" PARENT_SCOPE)
endfunction()

run_check("app/model/value.h;app/api/client.h;app/api/session.h;app/catalog/rules.h;app/library/store.h;ui/panel/panel.h"
    result output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "The check refused allowed includes:\n${output}")
endif()

foreach(case "app/model/upward.h|api/client.h|model may not use api"
              "app/catalog/sideways.h|api/client.h|catalog may not use api")
    string(REPLACE "|" ";" parts "${case}")
    list(GET parts 0 file)
    list(GET parts 1 include)
    list(GET parts 2 reason)
    run_check(${file} result output)
    if(result EQUAL 0)
        message(FATAL_ERROR "The check passed ${file}, which includes \"${include}\"")
    endif()
    string(FIND "${output}" "${file} includes \"${include}\": ${reason}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "The check failed ${file} without naming the include:\n${output}")
    endif()
endforeach()

# A folder the table does not name is no way around it.
run_check(app/stray/loose.h result output)
string(FIND "${output}" "app/stray/loose.h is in app/stray/, which is no layer" at)
if(result EQUAL 0 OR at EQUAL -1)
    message(FATAL_ERROR "The check passed app/stray/loose.h, in a folder that is no layer:\n${output}")
endif()
message(STATUS "The layer check passes allowed includes and fails planted upward, sideways and stray ones")
