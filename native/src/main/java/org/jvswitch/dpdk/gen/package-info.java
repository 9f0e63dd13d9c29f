/**
 * FFM bindings to native/src/main/c/jvs_shim.h (the jvswitch C shim) and the DPDK functions it
 * re-exports, for exactly the symbols listed in native/jextract-symbols.txt: the header class
 * {@code jvs_shim_h} (functions, constants, the {@code C_*} layouts), one class per struct and one
 * per function-pointer typedef.
 *
 * <p>These files follow jextract's output (jextract 22, the openjdk/jextract tool for the final FFM
 * API) for native/jextract.sh's arguments. They were written to that shape on a machine without
 * jextract, from the same clang front end jextract uses, and are to be replaced wholesale by running
 * native/jextract.sh where jextract is installed. Never edit them by hand: change jvs_shim.h or
 * jextract-symbols.txt and regenerate. LayoutTest checks them against the C compiler: every struct
 * size and alignment, every field offset and size, every constant, and that every listed function
 * resolves in the built shim.
 *
 * <p>Two differences from jextract 22's text, which native/jextract.sh applies to jextract's output
 * as well: each top-level class carries {@code @SuppressWarnings("restricted")} (the build compiles
 * with -Xlint:all), and the indexed accessors of array fields pass the field's offset to the element
 * handle (jextract 22 passes 0L, which is only right for an array at offset 0).
 */
package org.jvswitch.dpdk.gen;
