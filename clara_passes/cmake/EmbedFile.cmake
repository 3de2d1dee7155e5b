# FILE: clara_passes/cmake/EmbedFile.cmake
# DESCRIPTION: writes the contents of INPUT into OUTPUT as a C++ raw string
#   literal (CLARA_EMBEDDED_API_CATALOG); run by the build (see CMakeLists.txt).
# USAGE: cmake -DINPUT=api_catalog.json -DOUTPUT=ApiCatalogData.inc -P EmbedFile.cmake
file(READ "${INPUT}" CONTENT)
string(FIND "${CONTENT}" ")clara_catalog\"" HAS_DELIM)
if(NOT HAS_DELIM EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )clara_catalog\"")
endif()
file(WRITE "${OUTPUT}"
  "// Generated from ${INPUT} by EmbedFile.cmake; do not edit.\n"
  "static const char CLARA_EMBEDDED_API_CATALOG[] = R\"clara_catalog(${CONTENT})clara_catalog\";\n")
