; FILE: clara_passes/test/Inputs/counter.ll (generated from clara_passes/inputs/counter.cc by regen.sh)
; Shared input of the clara_passes lit tests; not a test itself.
; ModuleID = 'counter.cc'
source_filename = "counter.cc"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.click_ip = type { i8, i8, i16, i16, i16, i8, i8, i16, i32, i32 }
%class.Counter = type { i32, [16 x i32] }
%class.Packet = type { i32 }

$_ZNK7Counter6bucketEj = comdat any

$_ZNK6Packet6lengthEv = comdat any

@total_packets = global i32 0, align 4, !dbg !0

define noundef ptr @_ZN7Counter13simple_actionEP6Packet(ptr noundef nonnull align 4 dereferenceable(68) %this, ptr noundef %p) #0 align 2 !dbg !15 {
entry:
  %this.addr = alloca ptr, align 8
  %p.addr = alloca ptr, align 8
  %ip = alloca ptr, align 8
  %b = alloca i32, align 4
  %hl = alloca i32, align 4
  %i = alloca i32, align 4
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !66, !DIExpression(), !68)
  store ptr %p, ptr %p.addr, align 8
    #dbg_declare(ptr %p.addr, !69, !DIExpression(), !70)
  %this1 = load ptr, ptr %this.addr, align 8
    #dbg_declare(ptr %ip, !71, !DIExpression(), !72)
  %0 = load ptr, ptr %p.addr, align 8, !dbg !73
  %call = call noundef ptr @_ZNK6Packet9ip_headerEv(ptr noundef nonnull align 4 dereferenceable(4) %0), !dbg !74
  store ptr %call, ptr %ip, align 8, !dbg !72
    #dbg_declare(ptr %b, !75, !DIExpression(), !76)
  %1 = load ptr, ptr %ip, align 8, !dbg !77
  %ip_src = getelementptr inbounds %struct.click_ip, ptr %1, i32 0, i32 8, !dbg !78
  %2 = load i32, ptr %ip_src, align 4, !dbg !78
  %call2 = call noundef i32 @_ZNK7Counter6bucketEj(ptr noundef nonnull align 4 dereferenceable(68) %this1, i32 noundef %2), !dbg !79
  store i32 %call2, ptr %b, align 4, !dbg !76
    #dbg_declare(ptr %hl, !80, !DIExpression(), !82)
  %3 = load ptr, ptr %ip, align 8, !dbg !83
  %bf.load = load i8, ptr %3, align 4, !dbg !84
  %bf.clear = and i8 %bf.load, 15, !dbg !84
  %bf.cast = zext i8 %bf.clear to i32, !dbg !84
  store i32 %bf.cast, ptr %hl, align 4, !dbg !82
    #dbg_declare(ptr %i, !85, !DIExpression(), !87)
  store i32 0, ptr %i, align 4, !dbg !87
  br label %for.cond, !dbg !88

for.cond:                                         ; preds = %for.inc, %entry
  %4 = load i32, ptr %i, align 4, !dbg !89
  %5 = load i32, ptr %hl, align 4, !dbg !91
  %cmp = icmp slt i32 %4, %5, !dbg !92
  br i1 %cmp, label %for.body, label %for.end, !dbg !93

for.body:                                         ; preds = %for.cond
  %6 = load ptr, ptr %p.addr, align 8, !dbg !94
  %call3 = call noundef i32 @_ZNK6Packet6lengthEv(ptr noundef nonnull align 4 dereferenceable(4) %6), !dbg !95
  %_bytes = getelementptr inbounds %class.Counter, ptr %this1, i32 0, i32 1, !dbg !96
  %7 = load i32, ptr %b, align 4, !dbg !97
  %idxprom = zext i32 %7 to i64, !dbg !96
  %arrayidx = getelementptr inbounds [16 x i32], ptr %_bytes, i64 0, i64 %idxprom, !dbg !96
  %8 = load i32, ptr %arrayidx, align 4, !dbg !98
  %add = add i32 %8, %call3, !dbg !98
  store i32 %add, ptr %arrayidx, align 4, !dbg !98
  br label %for.inc, !dbg !96

for.inc:                                          ; preds = %for.body
  %9 = load i32, ptr %i, align 4, !dbg !99
  %inc = add nsw i32 %9, 1, !dbg !99
  store i32 %inc, ptr %i, align 4, !dbg !99
  br label %for.cond, !dbg !100, !llvm.loop !101

for.end:                                          ; preds = %for.cond
  %_count = getelementptr inbounds %class.Counter, ptr %this1, i32 0, i32 0, !dbg !104
  %10 = load i32, ptr %_count, align 4, !dbg !105
  %inc4 = add i32 %10, 1, !dbg !105
  store i32 %inc4, ptr %_count, align 4, !dbg !105
  %11 = load i32, ptr @total_packets, align 4, !dbg !106
  %inc5 = add i32 %11, 1, !dbg !106
  store i32 %inc5, ptr @total_packets, align 4, !dbg !106
  %12 = load ptr, ptr %p.addr, align 8, !dbg !107
  ret ptr %12, !dbg !108
}

declare noundef ptr @_ZNK6Packet9ip_headerEv(ptr noundef nonnull align 4 dereferenceable(4)) #1

define linkonce_odr noundef i32 @_ZNK7Counter6bucketEj(ptr noundef nonnull align 4 dereferenceable(68) %this, i32 noundef %a) #2 comdat align 2 !dbg !109 {
entry:
  %this.addr = alloca ptr, align 8
  %a.addr = alloca i32, align 4
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !110, !DIExpression(), !112)
  store i32 %a, ptr %a.addr, align 4
    #dbg_declare(ptr %a.addr, !113, !DIExpression(), !114)
  %this1 = load ptr, ptr %this.addr, align 8
  %0 = load i32, ptr %a.addr, align 4, !dbg !115
  %1 = load i32, ptr %a.addr, align 4, !dbg !116
  %shr = lshr i32 %1, 7, !dbg !117
  %xor = xor i32 %0, %shr, !dbg !118
  %and = and i32 %xor, 15, !dbg !119
  ret i32 %and, !dbg !120
}

define linkonce_odr noundef i32 @_ZNK6Packet6lengthEv(ptr noundef nonnull align 4 dereferenceable(4) %this) #2 comdat align 2 !dbg !121 {
entry:
  %this.addr = alloca ptr, align 8
  store ptr %this, ptr %this.addr, align 8
    #dbg_declare(ptr %this.addr, !122, !DIExpression(), !124)
  %this1 = load ptr, ptr %this.addr, align 8
  %_len = getelementptr inbounds %class.Packet, ptr %this1, i32 0, i32 0, !dbg !125
  %0 = load i32, ptr %_len, align 4, !dbg !125
  ret i32 %0, !dbg !126
}

attributes #0 = { noinline nounwind }
attributes #1 = { noinline nounwind }
attributes #2 = { noinline nounwind }

!llvm.dbg.cu = !{!2}
!llvm.module.flags = !{!7, !8, !9, !10, !11, !12, !13}

!0 = !DIGlobalVariableExpression(var: !1, expr: !DIExpression())
!1 = distinct !DIGlobalVariable(name: "total_packets", scope: !2, file: !3, line: 35, type: !5, isLocal: false, isDefinition: true)
!2 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !3, producer: "clang-19", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, globals: !4, splitDebugInlining: false, nameTableKind: None)
!3 = !DIFile(filename: "counter.cc", directory: "clara_passes/inputs")
!4 = !{!0}
!5 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint32_t", file: !3, line: 10, baseType: !6)
!6 = !DIBasicType(name: "unsigned int", size: 32, encoding: DW_ATE_unsigned)
!7 = !{i32 7, !"Dwarf Version", i32 5}
!8 = !{i32 2, !"Debug Info Version", i32 3}
!9 = !{i32 1, !"wchar_size", i32 4}
!10 = !{i32 8, !"PIC Level", i32 2}
!11 = !{i32 7, !"PIE Level", i32 2}
!12 = !{i32 7, !"uwtable", i32 2}
!13 = !{i32 7, !"frame-pointer", i32 2}
!15 = distinct !DISubprogram(name: "simple_action", linkageName: "_ZN7Counter13simple_actionEP6Packet", scope: !16, file: !3, line: 46, type: !27, scopeLine: 46, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, declaration: !26, retainedNodes: !20)
!16 = distinct !DICompositeType(tag: DW_TAG_class_type, name: "Counter", file: !3, line: 37, size: 544, flags: DIFlagTypePassByValue, elements: !17, identifier: "_ZTS7Counter")
!17 = !{!18, !21, !22, !26, !61}
!18 = !DIDerivedType(tag: DW_TAG_inheritance, scope: !16, baseType: !19, flags: DIFlagPublic, extraData: i32 0)
!19 = distinct !DICompositeType(tag: DW_TAG_class_type, name: "Element", file: !3, line: 33, size: 8, flags: DIFlagTypePassByValue, elements: !20, identifier: "_ZTS7Element")
!20 = !{}
!21 = !DIDerivedType(tag: DW_TAG_member, name: "_count", scope: !16, file: !3, line: 42, baseType: !5, size: 32)
!22 = !DIDerivedType(tag: DW_TAG_member, name: "_bytes", scope: !16, file: !3, line: 43, baseType: !23, size: 512, offset: 32)
!23 = !DICompositeType(tag: DW_TAG_array_type, baseType: !5, size: 512, elements: !24)
!24 = !{!25}
!25 = !DISubrange(count: 16)
!26 = !DISubprogram(name: "simple_action", linkageName: "_ZN7Counter13simple_actionEP6Packet", scope: !16, file: !3, line: 39, type: !27, scopeLine: 39, flags: DIFlagPublic | DIFlagPrototyped, spFlags: 0)
!27 = !DISubroutineType(types: !28)
!28 = !{!29, !60, !29}
!29 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !30, size: 64)
!30 = distinct !DICompositeType(tag: DW_TAG_class_type, name: "Packet", file: !3, line: 25, size: 32, flags: DIFlagTypePassByValue, elements: !31, identifier: "_ZTS6Packet")
!31 = !{!32, !33, !57}
!32 = !DIDerivedType(tag: DW_TAG_member, name: "_len", scope: !30, file: !3, line: 30, baseType: !6, size: 32)
!33 = !DISubprogram(name: "ip_header", linkageName: "_ZNK6Packet9ip_headerEv", scope: !30, file: !3, line: 27, type: !34, scopeLine: 27, flags: DIFlagPublic | DIFlagPrototyped, spFlags: 0)
!34 = !DISubroutineType(types: !35)
!35 = !{!36, !55}
!36 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !37, size: 64)
!37 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !38)
!38 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "click_ip", file: !3, line: 12, size: 160, flags: DIFlagTypePassByValue, elements: !39, identifier: "_ZTS8click_ip")
!39 = !{!40, !41, !42, !45, !48, !49, !50, !51, !52, !53, !54}
!40 = !DIDerivedType(tag: DW_TAG_member, name: "ip_hl", scope: !38, file: !3, line: 13, baseType: !6, size: 4, flags: DIFlagBitField, extraData: i64 0)
!41 = !DIDerivedType(tag: DW_TAG_member, name: "ip_v", scope: !38, file: !3, line: 13, baseType: !6, size: 4, offset: 4, flags: DIFlagBitField, extraData: i64 0)
!42 = !DIDerivedType(tag: DW_TAG_member, name: "ip_tos", scope: !38, file: !3, line: 14, baseType: !43, size: 8, offset: 8)
!43 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint8_t", file: !3, line: 8, baseType: !44)
!44 = !DIBasicType(name: "unsigned char", size: 8, encoding: DW_ATE_unsigned_char)
!45 = !DIDerivedType(tag: DW_TAG_member, name: "ip_len", scope: !38, file: !3, line: 15, baseType: !46, size: 16, offset: 16)
!46 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint16_t", file: !3, line: 9, baseType: !47)
!47 = !DIBasicType(name: "unsigned short", size: 16, encoding: DW_ATE_unsigned)
!48 = !DIDerivedType(tag: DW_TAG_member, name: "ip_id", scope: !38, file: !3, line: 16, baseType: !46, size: 16, offset: 32)
!49 = !DIDerivedType(tag: DW_TAG_member, name: "ip_off", scope: !38, file: !3, line: 17, baseType: !46, size: 16, offset: 48)
!50 = !DIDerivedType(tag: DW_TAG_member, name: "ip_ttl", scope: !38, file: !3, line: 18, baseType: !43, size: 8, offset: 64)
!51 = !DIDerivedType(tag: DW_TAG_member, name: "ip_p", scope: !38, file: !3, line: 19, baseType: !43, size: 8, offset: 72)
!52 = !DIDerivedType(tag: DW_TAG_member, name: "ip_sum", scope: !38, file: !3, line: 20, baseType: !46, size: 16, offset: 80)
!53 = !DIDerivedType(tag: DW_TAG_member, name: "ip_src", scope: !38, file: !3, line: 21, baseType: !5, size: 32, offset: 96)
!54 = !DIDerivedType(tag: DW_TAG_member, name: "ip_dst", scope: !38, file: !3, line: 22, baseType: !5, size: 32, offset: 128)
!55 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !56, size: 64, flags: DIFlagArtificial | DIFlagObjectPointer)
!56 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !30)
!57 = !DISubprogram(name: "length", linkageName: "_ZNK6Packet6lengthEv", scope: !30, file: !3, line: 28, type: !58, scopeLine: 28, flags: DIFlagPublic | DIFlagPrototyped, spFlags: 0)
!58 = !DISubroutineType(types: !59)
!59 = !{!6, !55}
!60 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !16, size: 64, flags: DIFlagArtificial | DIFlagObjectPointer)
!61 = !DISubprogram(name: "bucket", linkageName: "_ZNK7Counter6bucketEj", scope: !16, file: !3, line: 41, type: !62, scopeLine: 41, flags: DIFlagPrototyped, spFlags: 0)
!62 = !DISubroutineType(types: !63)
!63 = !{!5, !64, !5}
!64 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !65, size: 64, flags: DIFlagArtificial | DIFlagObjectPointer)
!65 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !16)
!66 = !DILocalVariable(name: "this", arg: 1, scope: !15, type: !67, flags: DIFlagArtificial | DIFlagObjectPointer)
!67 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !16, size: 64)
!68 = !DILocation(line: 0, scope: !15)
!69 = !DILocalVariable(name: "p", arg: 2, scope: !15, file: !3, line: 46, type: !29)
!70 = !DILocation(line: 46, column: 40, scope: !15)
!71 = !DILocalVariable(name: "ip", scope: !15, file: !3, line: 47, type: !36)
!72 = !DILocation(line: 47, column: 19, scope: !15)
!73 = !DILocation(line: 47, column: 24, scope: !15)
!74 = !DILocation(line: 47, column: 27, scope: !15)
!75 = !DILocalVariable(name: "b", scope: !15, file: !3, line: 48, type: !5)
!76 = !DILocation(line: 48, column: 12, scope: !15)
!77 = !DILocation(line: 48, column: 23, scope: !15)
!78 = !DILocation(line: 48, column: 27, scope: !15)
!79 = !DILocation(line: 48, column: 16, scope: !15)
!80 = !DILocalVariable(name: "hl", scope: !15, file: !3, line: 49, type: !81)
!81 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
!82 = !DILocation(line: 49, column: 7, scope: !15)
!83 = !DILocation(line: 49, column: 12, scope: !15)
!84 = !DILocation(line: 49, column: 16, scope: !15)
!85 = !DILocalVariable(name: "i", scope: !86, file: !3, line: 50, type: !81)
!86 = distinct !DILexicalBlock(scope: !15, file: !3, line: 50, column: 3)
!87 = !DILocation(line: 50, column: 12, scope: !86)
!88 = !DILocation(line: 50, column: 8, scope: !86)
!89 = !DILocation(line: 50, column: 19, scope: !90)
!90 = distinct !DILexicalBlock(scope: !86, file: !3, line: 50, column: 3)
!91 = !DILocation(line: 50, column: 23, scope: !90)
!92 = !DILocation(line: 50, column: 21, scope: !90)
!93 = !DILocation(line: 50, column: 3, scope: !86)
!94 = !DILocation(line: 51, column: 18, scope: !90)
!95 = !DILocation(line: 51, column: 21, scope: !90)
!96 = !DILocation(line: 51, column: 5, scope: !90)
!97 = !DILocation(line: 51, column: 12, scope: !90)
!98 = !DILocation(line: 51, column: 15, scope: !90)
!99 = !DILocation(line: 50, column: 28, scope: !90)
!100 = !DILocation(line: 50, column: 3, scope: !90)
!101 = distinct !{!101, !93, !102, !103}
!102 = !DILocation(line: 51, column: 28, scope: !86)
!103 = !{!"llvm.loop.mustprogress"}
!104 = !DILocation(line: 52, column: 3, scope: !15)
!105 = !DILocation(line: 52, column: 9, scope: !15)
!106 = !DILocation(line: 53, column: 16, scope: !15)
!107 = !DILocation(line: 54, column: 10, scope: !15)
!108 = !DILocation(line: 54, column: 3, scope: !15)
!109 = distinct !DISubprogram(name: "bucket", linkageName: "_ZNK7Counter6bucketEj", scope: !16, file: !3, line: 41, type: !62, scopeLine: 41, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, declaration: !61, retainedNodes: !20)
!110 = !DILocalVariable(name: "this", arg: 1, scope: !109, type: !111, flags: DIFlagArtificial | DIFlagObjectPointer)
!111 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !65, size: 64)
!112 = !DILocation(line: 0, scope: !109)
!113 = !DILocalVariable(name: "a", arg: 2, scope: !109, file: !3, line: 41, type: !5)
!114 = !DILocation(line: 41, column: 28, scope: !109)
!115 = !DILocation(line: 41, column: 47, scope: !109)
!116 = !DILocation(line: 41, column: 52, scope: !109)
!117 = !DILocation(line: 41, column: 54, scope: !109)
!118 = !DILocation(line: 41, column: 49, scope: !109)
!119 = !DILocation(line: 41, column: 61, scope: !109)
!120 = !DILocation(line: 41, column: 39, scope: !109)
!121 = distinct !DISubprogram(name: "length", linkageName: "_ZNK6Packet6lengthEv", scope: !30, file: !3, line: 28, type: !58, scopeLine: 28, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, declaration: !57, retainedNodes: !20)
!122 = !DILocalVariable(name: "this", arg: 1, scope: !121, type: !123, flags: DIFlagArtificial | DIFlagObjectPointer)
!123 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !56, size: 64)
!124 = !DILocation(line: 0, scope: !121)
!125 = !DILocation(line: 28, column: 36, scope: !121)
!126 = !DILocation(line: 28, column: 29, scope: !121)
