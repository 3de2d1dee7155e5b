; FILE: clara_passes/test/Inputs/cksum_args.ll (generated from clara_passes/inputs/cksum_args.cc by regen.sh)
; Shared input of the clara_passes lit tests; not a test itself.
; ModuleID = 'cksum_args.cc'
source_filename = "cksum_args.cc"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

define void @_Z7rewritePtS_jj(ptr noundef %ip_sum, ptr noundef %l4_sum, i32 noundef %old_addr, i32 noundef %new_addr) #0 !dbg !13 {
entry:
  %ip_sum.addr = alloca ptr, align 8
  %l4_sum.addr = alloca ptr, align 8
  %old_addr.addr = alloca i32, align 4
  %new_addr.addr = alloca i32, align 4
  %old_hi = alloca i16, align 2
  %new_hi = alloca i16, align 2
  %twice = alloca i16, align 2
  store ptr %ip_sum, ptr %ip_sum.addr, align 8
    #dbg_declare(ptr %ip_sum.addr, !20, !DIExpression(), !21)
  store ptr %l4_sum, ptr %l4_sum.addr, align 8
    #dbg_declare(ptr %l4_sum.addr, !22, !DIExpression(), !23)
  store i32 %old_addr, ptr %old_addr.addr, align 4
    #dbg_declare(ptr %old_addr.addr, !24, !DIExpression(), !25)
  store i32 %new_addr, ptr %new_addr.addr, align 4
    #dbg_declare(ptr %new_addr.addr, !26, !DIExpression(), !27)
    #dbg_declare(ptr %old_hi, !28, !DIExpression(), !29)
  %0 = load i32, ptr %old_addr.addr, align 4, !dbg !30
  %shr = lshr i32 %0, 16, !dbg !31
  %conv = trunc i32 %shr to i16, !dbg !32
  store i16 %conv, ptr %old_hi, align 2, !dbg !29
    #dbg_declare(ptr %new_hi, !33, !DIExpression(), !34)
  %1 = load i32, ptr %new_addr.addr, align 4, !dbg !35
  %shr1 = lshr i32 %1, 16, !dbg !36
  %conv2 = trunc i32 %shr1 to i16, !dbg !37
  store i16 %conv2, ptr %new_hi, align 2, !dbg !34
    #dbg_declare(ptr %twice, !38, !DIExpression(), !39)
  %2 = load i32, ptr %old_addr.addr, align 4, !dbg !40
  %conv3 = trunc i32 %2 to i16, !dbg !40
  store i16 %conv3, ptr %twice, align 2, !dbg !39
  %3 = load ptr, ptr %ip_sum.addr, align 8, !dbg !41
  %4 = load i16, ptr %old_hi, align 2, !dbg !42
  %5 = load i16, ptr %new_hi, align 2, !dbg !43
  call void @_Z21click_update_in_cksumPttt(ptr noundef %3, i16 noundef zeroext %4, i16 noundef zeroext %5), !dbg !44
  %6 = load ptr, ptr %l4_sum.addr, align 8, !dbg !45
  %7 = load i16, ptr %old_hi, align 2, !dbg !46
  %8 = load i16, ptr %new_hi, align 2, !dbg !47
  call void @_Z21click_update_in_cksumPttt(ptr noundef %6, i16 noundef zeroext %7, i16 noundef zeroext %8), !dbg !48
  %9 = load i32, ptr %new_addr.addr, align 4, !dbg !49
  %conv4 = trunc i32 %9 to i16, !dbg !49
  store i16 %conv4, ptr %twice, align 2, !dbg !50
  %10 = load ptr, ptr %l4_sum.addr, align 8, !dbg !51
  %11 = load i16, ptr %twice, align 2, !dbg !52
  call void @_Z21click_update_in_cksumPttt(ptr noundef %10, i16 noundef zeroext %11, i16 noundef zeroext 7), !dbg !53
  %12 = load ptr, ptr %l4_sum.addr, align 8, !dbg !54
  %13 = load i32, ptr %old_addr.addr, align 4, !dbg !55
  %conv5 = trunc i32 %13 to i16, !dbg !55
  %14 = load i16, ptr %new_hi, align 2, !dbg !56
  call void @_Z21click_update_in_cksumPttt(ptr noundef %12, i16 noundef zeroext %conv5, i16 noundef zeroext %14), !dbg !57
  ret void, !dbg !58
}

declare void @_Z21click_update_in_cksumPttt(ptr noundef, i16 noundef zeroext, i16 noundef zeroext) #1

attributes #0 = { noinline nounwind }
attributes #1 = { noinline nounwind }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!5, !6, !7, !8, !9, !10, !11}

!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, producer: "clang-19", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, retainedTypes: !2, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "cksum_args.cc", directory: "clara_passes/inputs")
!2 = !{!3}
!3 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint16_t", file: !1, line: 8, baseType: !4)
!4 = !DIBasicType(name: "unsigned short", size: 16, encoding: DW_ATE_unsigned)
!5 = !{i32 7, !"Dwarf Version", i32 5}
!6 = !{i32 2, !"Debug Info Version", i32 3}
!7 = !{i32 1, !"wchar_size", i32 4}
!8 = !{i32 8, !"PIC Level", i32 2}
!9 = !{i32 7, !"PIE Level", i32 2}
!10 = !{i32 7, !"uwtable", i32 2}
!11 = !{i32 7, !"frame-pointer", i32 2}
!13 = distinct !DISubprogram(name: "rewrite", linkageName: "_Z7rewritePtS_jj", scope: !1, file: !1, line: 13, type: !14, scopeLine: 13, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !19)
!14 = !DISubroutineType(types: !15)
!15 = !{null, !16, !16, !17, !17}
!16 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !3, size: 64)
!17 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint32_t", file: !1, line: 9, baseType: !18)
!18 = !DIBasicType(name: "unsigned int", size: 32, encoding: DW_ATE_unsigned)
!19 = !{}
!20 = !DILocalVariable(name: "ip_sum", arg: 1, scope: !13, file: !1, line: 13, type: !16)
!21 = !DILocation(line: 13, column: 24, scope: !13)
!22 = !DILocalVariable(name: "l4_sum", arg: 2, scope: !13, file: !1, line: 13, type: !16)
!23 = !DILocation(line: 13, column: 42, scope: !13)
!24 = !DILocalVariable(name: "old_addr", arg: 3, scope: !13, file: !1, line: 13, type: !17)
!25 = !DILocation(line: 13, column: 59, scope: !13)
!26 = !DILocalVariable(name: "new_addr", arg: 4, scope: !13, file: !1, line: 13, type: !17)
!27 = !DILocation(line: 13, column: 78, scope: !13)
!28 = !DILocalVariable(name: "old_hi", scope: !13, file: !1, line: 14, type: !3)
!29 = !DILocation(line: 14, column: 12, scope: !13)
!30 = !DILocation(line: 14, column: 32, scope: !13)
!31 = !DILocation(line: 14, column: 41, scope: !13)
!32 = !DILocation(line: 14, column: 31, scope: !13)
!33 = !DILocalVariable(name: "new_hi", scope: !13, file: !1, line: 14, type: !3)
!34 = !DILocation(line: 14, column: 49, scope: !13)
!35 = !DILocation(line: 14, column: 69, scope: !13)
!36 = !DILocation(line: 14, column: 78, scope: !13)
!37 = !DILocation(line: 14, column: 68, scope: !13)
!38 = !DILocalVariable(name: "twice", scope: !13, file: !1, line: 15, type: !3)
!39 = !DILocation(line: 15, column: 12, scope: !13)
!40 = !DILocation(line: 15, column: 30, scope: !13)
!41 = !DILocation(line: 16, column: 25, scope: !13)
!42 = !DILocation(line: 16, column: 33, scope: !13)
!43 = !DILocation(line: 16, column: 41, scope: !13)
!44 = !DILocation(line: 16, column: 3, scope: !13)
!45 = !DILocation(line: 17, column: 25, scope: !13)
!46 = !DILocation(line: 17, column: 33, scope: !13)
!47 = !DILocation(line: 17, column: 41, scope: !13)
!48 = !DILocation(line: 17, column: 3, scope: !13)
!49 = !DILocation(line: 18, column: 21, scope: !13)
!50 = !DILocation(line: 18, column: 9, scope: !13)
!51 = !DILocation(line: 19, column: 25, scope: !13)
!52 = !DILocation(line: 19, column: 33, scope: !13)
!53 = !DILocation(line: 19, column: 3, scope: !13)
!54 = !DILocation(line: 20, column: 25, scope: !13)
!55 = !DILocation(line: 20, column: 43, scope: !13)
!56 = !DILocation(line: 20, column: 53, scope: !13)
!57 = !DILocation(line: 20, column: 3, scope: !13)
!58 = !DILocation(line: 21, column: 1, scope: !13)
