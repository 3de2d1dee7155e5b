/*
 * click/config.h -- Clara's Click compatibility layer: build configuration.
 *
 * Clara compiles an unported Click element to LLVM IR against these headers
 * (or against a real Click tree, with --click-root).  The headers reproduce
 * the *shape* of Click's user-level API -- names, signatures, struct layouts --
 * not its implementation: the functions that Click defines out of line are
 * only declared here, so that every framework call stays a visible call in
 * the IR, where the clara-prepare pass tags it from clara/ir/api_catalog.json.
 *
 * Like Click, all framework classes live in namespace Click, opened and
 * closed by CLICK_DECLS / CLICK_ENDDECLS.  The wire-format structs of
 * <clicknet/...> (click_ip, click_tcp, ...) are plain C structs at global
 * scope, as in Click.
 */
#ifndef CLICK_CONFIG_H
#define CLICK_CONFIG_H

/* Which Click driver these headers stand for: the user-level driver. */
#ifndef CLICK_USERLEVEL
# define CLICK_USERLEVEL 1
#endif
/* Marks the Clara compatibility headers (absent from a real Click tree). */
#define CLARA_CLICK_COMPAT 1

#define CLICK_LITTLE_ENDIAN 1234
#define CLICK_BIG_ENDIAN    4321
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
# define CLICK_BYTE_ORDER CLICK_BIG_ENDIAN
#else
# define CLICK_BYTE_ORDER CLICK_LITTLE_ENDIAN
#endif

#define HAVE_INT64_TYPES 1
#define HAVE_USER_MULTITHREAD 0
#define CLICK_HZ 1000

#ifdef __cplusplus
# define CLICK_DECLS        namespace Click {
# define CLICK_ENDDECLS     }
# define CLICK_USING_DECLS  using namespace Click;
# define CLICK_NAME(name)   ::Click::name
#else
# define CLICK_DECLS
# define CLICK_ENDDECLS
# define CLICK_USING_DECLS
# define CLICK_NAME(name)   name
#endif

/* Element-source markers.  Click's build tools read them from the source
   text; for a compiler they are empty. */
#define EXPORT_ELEMENT(...)
#define ELEMENT_REQUIRES(...)
#define ELEMENT_PROVIDES(...)
#define ELEMENT_MT_SAFE(...)
#define ELEMENT_LIBS(...)
#define ELEMENT_HEADER(...)

#define CLICK_DEPRECATED __attribute__((deprecated))
#define CLICK_SIZE_PACKED_ATTRIBUTE __attribute__((packed))
#define CLICK_WARN_UNUSED_RESULT __attribute__((warn_unused_result))

#endif
