# onggi_add_test(NAME <name> SOURCES <files...> LIBS <targets...> LABELS <unit|integration|gui> [TIMEOUT s])
# One QtTest executable per call, registered with CTest under its label.
# Integration tests need root and real containers; they QSKIP themselves when not root.
function(onggi_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
  target_compile_definitions(${T_NAME} PRIVATE
    ONGGI_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    ONGGI_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "ONGGI_BINARY_DIR=${PROJECT_BINARY_DIR};ONGGI_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
