# Included by CTest (TEST_INCLUDE_FILES) before any test runs. The helper's default network is a
# bridge, as docker's; a test helper started in the host's own network namespace would add that
# bridge and its rules to the host. Every test runs with loopback-only containers unless it asks
# for a network itself, inside a network namespace of its own (tests/integration/net).
if(NOT DEFINED ENV{ONGGI_DEFAULT_NETWORK})
  set(ENV{ONGGI_DEFAULT_NETWORK} private)
endif()
