; clara-features: the block record's "dataflow" object (def-use facts for the
; accelerator detector) on -O0 code, where values pass through stack slots.
; Source: clara_passes/inputs/accel_dataflow.c (Inputs/accel_dataflow.ll).
; RUN: %opt -passes=clara-prepare,clara-features -disable-output %inputs/accel_dataflow.ll | FileCheck %s

; Table CRC: crc_tab[(crc ^ *p++) & 0xff] is indexed by the byte loaded in the
; same iteration; *p itself is addressed by the incremented pointer (no load
; behind it), so it is neither indexed by data nor chased. crc_tab is a
; constant (an extern const array), but its value is xored, not compared.
; CHECK: "function":"crc_table","block":"while.cond",{{.*}}"dataflow":{"best_updates":0,"bitwise_big_const":0,"chase_loads":0,"const_match_loads":0,"data_indexed_loads":0,"mul_odd_const":0,"origin":"crc_table","rotates":0,"trip_count":0}
; CHECK: "function":"crc_table","block":"while.body",{{.*}}"dataflow":{"best_updates":0,"bitwise_big_const":0,"chase_loads":0,"const_match_loads":0,"data_indexed_loads":1,"mul_odd_const":0,"origin":"crc_table","rotates":0,"trip_count":0}

; Bitwise CRC: the outer loop runs n times (unknown), the inner one 8 times
; (k = 0; k < 8; k++: counted on its header for.cond1); the body xors with
; 0xEDB88320 (a large constant that is not a mask). 0xffffffff (all ones) and
; 1 do not count.
; CHECK: "function":"crc_bits","block":"for.cond",{{.*}}"trip_count":0}
; CHECK: "function":"crc_bits","block":"for.cond1",{{.*}}"trip_count":8}
; CHECK: "function":"crc_bits","block":"for.body4",{{.*}}"dataflow":{"best_updates":0,"bitwise_big_const":1,"chase_loads":0,

; Trie walk: n = n->child[bit] reads the pointer stored into n's slot in the
; previous iteration; the loop is counted (d < 32) on its header. In if.then
; n->nh is read through that pointer too, and stored into best (read after the
; loop) under a condition: a best-so-far update.
; CHECK: "function":"trie_walk","block":"for.cond",{{.*}}"trip_count":32}
; CHECK: "function":"trie_walk","block":"for.body",{{.*}}"dataflow":{"best_updates":0,"bitwise_big_const":0,"chase_loads":1,"const_match_loads":0,"data_indexed_loads":0,
; CHECK: "function":"trie_walk","block":"if.then",{{.*}}"dataflow":{"best_updates":1,{{.*}}"chase_loads":1,
; CHECK: "function":"trie_walk","block":"if.end",{{.*}}"chase_loads":1,

; Mixing rounds: h *= 0x9E3779B1 (odd), (h << 7) | (h >> 25) on one slot is a
; rotate, three rounds.
; CHECK: "function":"mix3","block":"for.cond",{{.*}}"trip_count":3}
; CHECK: "function":"mix3","block":"for.body",{{.*}}"dataflow":{"best_updates":0,"bitwise_big_const":0,"chase_loads":0,"const_match_loads":0,"data_indexed_loads":0,"mul_odd_const":1,"origin":"mix3","rotates":1,"trip_count":0}

; A byte sum: nothing.
; CHECK: "function":"byte_sum","block":"for.body",{{.*}}"dataflow":{"best_updates":0,"bitwise_big_const":0,"chase_loads":0,"const_match_loads":0,"data_indexed_loads":0,"mul_odd_const":0,"origin":"byte_sum","rotates":0,"trip_count":0}

; origin: the function a block's code was written in. fold_words is inlined
; into handler by clara-prepare (and gets no records of its own); its blocks
; keep fold_words as their origin, handler's entry block is handler's own.
; CHECK-NOT: "record":"function","function":"fold_words"
; CHECK: "function":"handler","block":"entry",{{.*}}"origin":"handler",
; CHECK: "function":"handler","block":"for.cond.i",{{.*}}"origin":"fold_words",
; CHECK: "function":"handler","block":"for.body.i",{{.*}}"origin":"fold_words",

; A first-match mask scan compares its rule list's two fields with the key in
; every iteration: fields of a static const array (a list fixed at compile
; time) in match_fixed, of a mutable global in match_live.
; CHECK: "function":"match_fixed","block":"for.body",{{.*}}"dataflow":{"best_updates":0,"bitwise_big_const":0,"chase_loads":0,"const_match_loads":2,"data_indexed_loads":0,
; CHECK: "function":"match_live","block":"for.body",{{.*}}"dataflow":{"best_updates":0,"bitwise_big_const":0,"chase_loads":0,"const_match_loads":0,"data_indexed_loads":0,

; inlined: the block's tokens in runs by the chain of helpers their code was
; inlined from, innermost first, as [first token, tokens, first line, chain]:
; in pick's entry block, hash_pair's own code (line 106) around two copies of
; mix32 (lines 101-104) inlined into it; pick's own tokens are in no run.
; CHECK: "function":"pick","block":"entry",{{.*}}"inlined":{{\[\[}}14,3,106,["hash_pair"]],[17,14,101,["mix32","hash_pair"]],[31,2,106,["hash_pair"]],[33,14,101,["mix32","hash_pair"]]],

; best_updates: lpm_scan stores the matching route's next hop into best (read
; after the loop) in if.then and goes on scanning; best_len, read only inside
; the loop, does not count. first_scan stores its hit and leaves the loop from
; the same block (an exiting block): no update.
; CHECK: "function":"lpm_scan","block":"if.then",{{.*}}"dataflow":{"best_updates":1,
; CHECK: "function":"first_scan","block":"if.then",{{.*}}"dataflow":{"best_updates":0,
