# The test fixture of tst_sdkwire: installs the official Node SDK (openai 7.59.0) into DIR with
# npm, once; later runs find it there. Fails (never skips) when node or npm is missing or the
# install fails: the wire comparison is a test CI must run.
# cmake -DDIR=<folder> -DVERSION=7.59.0 -P install_sdk.cmake
find_program(NODE node)
find_program(NPM npm)
if(NOT NODE OR NOT NPM)
    message(FATAL_ERROR "node and npm are needed for the SDK wire test (packages nodejs and npm, "
                        "packaging/build-depends.txt); node: ${NODE}, npm: ${NPM}")
endif()
set(installed "${DIR}/node_modules/openai/package.json")
if(EXISTS "${installed}")
    file(READ "${installed}" manifest)
    string(JSON have GET "${manifest}" version)
    if(have STREQUAL VERSION)
        message(STATUS "openai ${have} is installed in ${DIR}")
        return()
    endif()
endif()
file(MAKE_DIRECTORY "${DIR}")
if(NOT EXISTS "${DIR}/package.json")
    # Keeps npm in this folder (it would otherwise look for a package.json further up).
    file(WRITE "${DIR}/package.json" "{\"name\": \"atelier-sdk-wire\", \"private\": true}\n")
endif()
execute_process(COMMAND "${NPM}" install --no-audit --no-fund "openai@${VERSION}"
                WORKING_DIRECTORY "${DIR}"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0 OR NOT EXISTS "${installed}")
    message(FATAL_ERROR "npm install openai@${VERSION} failed (${result}) in ${DIR}")
endif()
