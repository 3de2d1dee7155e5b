; FILE: clara_passes/test/Inputs/filter.ll (generated from clara_passes/inputs/filter.c by regen.sh)
; Shared input of the clara_passes lit tests; not a test itself.
; ModuleID = 'filter.c'
source_filename = "filter.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.ctx = type { i32, i32 }
%struct.ethhdr = type { [6 x i8], [6 x i8], i16 }

@drops = global i64 0, align 8, !dbg !0

define i32 @filter(ptr noundef %c) #0 !dbg !19 {
entry:
  %retval = alloca i32, align 4
  %c.addr = alloca ptr, align 8
  %data = alloca ptr, align 8
  %end = alloca ptr, align 8
  %eth = alloca ptr, align 8
  store ptr %c, ptr %c.addr, align 8
    #dbg_declare(ptr %c.addr, !30, !DIExpression(), !31)
    #dbg_declare(ptr %data, !32, !DIExpression(), !33)
  %0 = load ptr, ptr %c.addr, align 8, !dbg !34
  %data1 = getelementptr inbounds %struct.ctx, ptr %0, i32 0, i32 0, !dbg !35
  %1 = load i32, ptr %data1, align 4, !dbg !35
  %conv = zext i32 %1 to i64, !dbg !36
  %2 = inttoptr i64 %conv to ptr, !dbg !37
  store ptr %2, ptr %data, align 8, !dbg !33
    #dbg_declare(ptr %end, !38, !DIExpression(), !39)
  %3 = load ptr, ptr %c.addr, align 8, !dbg !40
  %data_end = getelementptr inbounds %struct.ctx, ptr %3, i32 0, i32 1, !dbg !41
  %4 = load i32, ptr %data_end, align 4, !dbg !41
  %conv2 = zext i32 %4 to i64, !dbg !42
  %5 = inttoptr i64 %conv2 to ptr, !dbg !43
  store ptr %5, ptr %end, align 8, !dbg !39
    #dbg_declare(ptr %eth, !44, !DIExpression(), !56)
  %6 = load ptr, ptr %data, align 8, !dbg !57
  store ptr %6, ptr %eth, align 8, !dbg !56
  %7 = load ptr, ptr %eth, align 8, !dbg !58
  %add.ptr = getelementptr inbounds %struct.ethhdr, ptr %7, i64 1, !dbg !60
  %8 = load ptr, ptr %end, align 8, !dbg !61
  %cmp = icmp ugt ptr %add.ptr, %8, !dbg !62
  br i1 %cmp, label %if.then, label %if.end, !dbg !63

if.then:                                          ; preds = %entry
  store i32 0, ptr %retval, align 4, !dbg !64
  br label %return, !dbg !64

if.end:                                           ; preds = %entry
  %9 = load ptr, ptr %eth, align 8, !dbg !65
  %call = call i32 @is_ipv4(ptr noundef %9), !dbg !67
  %tobool = icmp ne i32 %call, 0, !dbg !67
  br i1 %tobool, label %if.end5, label %if.then4, !dbg !68

if.then4:                                         ; preds = %if.end
  %10 = load i64, ptr @drops, align 8, !dbg !69
  %inc = add i64 %10, 1, !dbg !69
  store i64 %inc, ptr @drops, align 8, !dbg !69
  store i32 1, ptr %retval, align 4, !dbg !71
  br label %return, !dbg !71

if.end5:                                          ; preds = %if.end
  store i32 2, ptr %retval, align 4, !dbg !72
  br label %return, !dbg !72

return:                                           ; preds = %if.end5, %if.then4, %if.then
  %11 = load i32, ptr %retval, align 4, !dbg !73
  ret i32 %11, !dbg !73
}

define internal i32 @is_ipv4(ptr noundef %eth) #0 !dbg !74 {
entry:
  %eth.addr = alloca ptr, align 8
  store ptr %eth, ptr %eth.addr, align 8
    #dbg_declare(ptr %eth.addr, !79, !DIExpression(), !80)
  %0 = load ptr, ptr %eth.addr, align 8, !dbg !81
  %h_proto = getelementptr inbounds %struct.ethhdr, ptr %0, i32 0, i32 2, !dbg !82
  %1 = load i16, ptr %h_proto, align 2, !dbg !82
  %conv = zext i16 %1 to i32, !dbg !81
  %cmp = icmp eq i32 %conv, 8, !dbg !83
  %conv1 = zext i1 %cmp to i32, !dbg !83
  ret i32 %conv1, !dbg !84
}

define i64 @read_tsc() #0 !dbg !85 {
entry:
  %lo = alloca i32, align 4
  %hi = alloca i32, align 4
    #dbg_declare(ptr %lo, !88, !DIExpression(), !89)
    #dbg_declare(ptr %hi, !90, !DIExpression(), !91)
  %0 = call { i32, i32 } asm sideeffect "rdtsc", "={ax},={dx},~{dirflag},~{fpsr},~{flags}"() #1, !dbg !92, !srcloc !93
  %asmresult = extractvalue { i32, i32 } %0, 0, !dbg !92
  %asmresult1 = extractvalue { i32, i32 } %0, 1, !dbg !92
  store i32 %asmresult, ptr %lo, align 4, !dbg !92
  store i32 %asmresult1, ptr %hi, align 4, !dbg !92
  %1 = load i32, ptr %hi, align 4, !dbg !94
  %conv = zext i32 %1 to i64, !dbg !95
  %shl = shl i64 %conv, 32, !dbg !96
  %2 = load i32, ptr %lo, align 4, !dbg !97
  %conv2 = zext i32 %2 to i64, !dbg !97
  %or = or i64 %shl, %conv2, !dbg !98
  ret i64 %or, !dbg !99
}

attributes #0 = { noinline nounwind }
attributes #1 = { noinline nounwind }

!llvm.dbg.cu = !{!2}
!llvm.module.flags = !{!11, !12, !13, !14, !15, !16, !17}

!0 = !DIGlobalVariableExpression(var: !1, expr: !DIExpression())
!1 = distinct !DIGlobalVariable(name: "drops", scope: !2, file: !3, line: 17, type: !9, isLocal: false, isDefinition: true)
!2 = distinct !DICompileUnit(language: DW_LANG_C11, file: !3, producer: "clang-19", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, retainedTypes: !4, globals: !10, splitDebugInlining: false, nameTableKind: None)
!3 = !DIFile(filename: "filter.c", directory: "clara_passes/inputs")
!4 = !{!5, !6, !7, !9}
!5 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: null, size: 64)
!6 = !DIBasicType(name: "long", size: 64, encoding: DW_ATE_signed)
!7 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !8, size: 64)
!8 = !DIBasicType(name: "char", size: 8, encoding: DW_ATE_signed_char)
!9 = !DIBasicType(name: "unsigned long", size: 64, encoding: DW_ATE_unsigned)
!10 = !{!0}
!11 = !{i32 7, !"Dwarf Version", i32 5}
!12 = !{i32 2, !"Debug Info Version", i32 3}
!13 = !{i32 1, !"wchar_size", i32 4}
!14 = !{i32 8, !"PIC Level", i32 2}
!15 = !{i32 7, !"PIE Level", i32 2}
!16 = !{i32 7, !"uwtable", i32 2}
!17 = !{i32 7, !"frame-pointer", i32 2}
!19 = distinct !DISubprogram(name: "filter", scope: !3, file: !3, line: 21, type: !20, scopeLine: 21, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !29)
!20 = !DISubroutineType(types: !21)
!21 = !{!22, !23}
!22 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
!23 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !24, size: 64)
!24 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "ctx", file: !3, line: 9, size: 64, elements: !25)
!25 = !{!26, !28}
!26 = !DIDerivedType(tag: DW_TAG_member, name: "data", scope: !24, file: !3, line: 10, baseType: !27, size: 32)
!27 = !DIBasicType(name: "unsigned int", size: 32, encoding: DW_ATE_unsigned)
!28 = !DIDerivedType(tag: DW_TAG_member, name: "data_end", scope: !24, file: !3, line: 10, baseType: !27, size: 32, offset: 32)
!29 = !{}
!30 = !DILocalVariable(name: "c", arg: 1, scope: !19, file: !3, line: 21, type: !23)
!31 = !DILocation(line: 21, column: 24, scope: !19)
!32 = !DILocalVariable(name: "data", scope: !19, file: !3, line: 22, type: !5)
!33 = !DILocation(line: 22, column: 9, scope: !19)
!34 = !DILocation(line: 22, column: 30, scope: !19)
!35 = !DILocation(line: 22, column: 33, scope: !19)
!36 = !DILocation(line: 22, column: 24, scope: !19)
!37 = !DILocation(line: 22, column: 16, scope: !19)
!38 = !DILocalVariable(name: "end", scope: !19, file: !3, line: 23, type: !5)
!39 = !DILocation(line: 23, column: 9, scope: !19)
!40 = !DILocation(line: 23, column: 29, scope: !19)
!41 = !DILocation(line: 23, column: 32, scope: !19)
!42 = !DILocation(line: 23, column: 23, scope: !19)
!43 = !DILocation(line: 23, column: 15, scope: !19)
!44 = !DILocalVariable(name: "eth", scope: !19, file: !3, line: 24, type: !45)
!45 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !46, size: 64)
!46 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "ethhdr", file: !3, line: 12, size: 112, elements: !47)
!47 = !{!48, !53, !54}
!48 = !DIDerivedType(tag: DW_TAG_member, name: "h_dest", scope: !46, file: !3, line: 13, baseType: !49, size: 48)
!49 = !DICompositeType(tag: DW_TAG_array_type, baseType: !50, size: 48, elements: !51)
!50 = !DIBasicType(name: "unsigned char", size: 8, encoding: DW_ATE_unsigned_char)
!51 = !{!52}
!52 = !DISubrange(count: 6)
!53 = !DIDerivedType(tag: DW_TAG_member, name: "h_source", scope: !46, file: !3, line: 13, baseType: !49, size: 48, offset: 48)
!54 = !DIDerivedType(tag: DW_TAG_member, name: "h_proto", scope: !46, file: !3, line: 14, baseType: !55, size: 16, offset: 96)
!55 = !DIBasicType(name: "unsigned short", size: 16, encoding: DW_ATE_unsigned)
!56 = !DILocation(line: 24, column: 18, scope: !19)
!57 = !DILocation(line: 24, column: 24, scope: !19)
!58 = !DILocation(line: 25, column: 16, scope: !59)
!59 = distinct !DILexicalBlock(scope: !19, file: !3, line: 25, column: 7)
!60 = !DILocation(line: 25, column: 20, scope: !59)
!61 = !DILocation(line: 25, column: 35, scope: !59)
!62 = !DILocation(line: 25, column: 25, scope: !59)
!63 = !DILocation(line: 25, column: 7, scope: !19)
!64 = !DILocation(line: 26, column: 5, scope: !59)
!65 = !DILocation(line: 27, column: 16, scope: !66)
!66 = distinct !DILexicalBlock(scope: !19, file: !3, line: 27, column: 7)
!67 = !DILocation(line: 27, column: 8, scope: !66)
!68 = !DILocation(line: 27, column: 7, scope: !19)
!69 = !DILocation(line: 28, column: 10, scope: !70)
!70 = distinct !DILexicalBlock(scope: !66, file: !3, line: 27, column: 22)
!71 = !DILocation(line: 29, column: 5, scope: !70)
!72 = !DILocation(line: 31, column: 3, scope: !19)
!73 = !DILocation(line: 32, column: 1, scope: !19)
!74 = distinct !DISubprogram(name: "is_ipv4", scope: !3, file: !3, line: 19, type: !75, scopeLine: 19, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !2, retainedNodes: !29)
!75 = !DISubroutineType(types: !76)
!76 = !{!22, !77}
!77 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !78, size: 64)
!78 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !46)
!79 = !DILocalVariable(name: "eth", arg: 1, scope: !74, file: !3, line: 19, type: !77)
!80 = !DILocation(line: 19, column: 41, scope: !74)
!81 = !DILocation(line: 19, column: 55, scope: !74)
!82 = !DILocation(line: 19, column: 60, scope: !74)
!83 = !DILocation(line: 19, column: 68, scope: !74)
!84 = !DILocation(line: 19, column: 48, scope: !74)
!85 = distinct !DISubprogram(name: "read_tsc", scope: !3, file: !3, line: 34, type: !86, scopeLine: 34, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !29)
!86 = !DISubroutineType(types: !87)
!87 = !{!9}
!88 = !DILocalVariable(name: "lo", scope: !85, file: !3, line: 35, type: !27)
!89 = !DILocation(line: 35, column: 16, scope: !85)
!90 = !DILocalVariable(name: "hi", scope: !85, file: !3, line: 35, type: !27)
!91 = !DILocation(line: 35, column: 20, scope: !85)
!92 = !DILocation(line: 36, column: 3, scope: !85)
!93 = !{i64 1085}
!94 = !DILocation(line: 37, column: 26, scope: !85)
!95 = !DILocation(line: 37, column: 11, scope: !85)
!96 = !DILocation(line: 37, column: 29, scope: !85)
!97 = !DILocation(line: 37, column: 38, scope: !85)
!98 = !DILocation(line: 37, column: 36, scope: !85)
!99 = !DILocation(line: 37, column: 3, scope: !85)
