; FILE: clara_passes/test/Inputs/accel_dataflow.ll (generated from clara_passes/inputs/accel_dataflow.c by regen.sh)
; Shared input of the clara_passes lit tests; not a test itself.
; ModuleID = 'accel_dataflow.c'
source_filename = "accel_dataflow.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.node = type { [2 x ptr], i32 }

@crc_tab = external constant [256 x i32], align 16

define i32 @crc_table(ptr noundef %p, i64 noundef %n) #0 !dbg !10 {
entry:
  %p.addr = alloca ptr, align 8
  %n.addr = alloca i64, align 8
  %crc = alloca i32, align 4
  store ptr %p, ptr %p.addr, align 8
    #dbg_declare(ptr %p.addr, !27, !DIExpression(), !28)
  store i64 %n, ptr %n.addr, align 8
    #dbg_declare(ptr %n.addr, !29, !DIExpression(), !30)
    #dbg_declare(ptr %crc, !31, !DIExpression(), !32)
  store i32 -1, ptr %crc, align 4, !dbg !32
  br label %while.cond, !dbg !33

while.cond:                                       ; preds = %while.body, %entry
  %0 = load i64, ptr %n.addr, align 8, !dbg !34
  %dec = add i64 %0, -1, !dbg !34
  store i64 %dec, ptr %n.addr, align 8, !dbg !34
  %tobool = icmp ne i64 %0, 0, !dbg !33
  br i1 %tobool, label %while.body, label %while.end, !dbg !33

while.body:                                       ; preds = %while.cond
  %1 = load i32, ptr %crc, align 4, !dbg !35
  %2 = load ptr, ptr %p.addr, align 8, !dbg !36
  %incdec.ptr = getelementptr inbounds i8, ptr %2, i32 1, !dbg !36
  store ptr %incdec.ptr, ptr %p.addr, align 8, !dbg !36
  %3 = load i8, ptr %2, align 1, !dbg !37
  %conv = zext i8 %3 to i32, !dbg !37
  %xor = xor i32 %1, %conv, !dbg !38
  %and = and i32 %xor, 255, !dbg !39
  %idxprom = zext i32 %and to i64, !dbg !40
  %arrayidx = getelementptr inbounds [256 x i32], ptr @crc_tab, i64 0, i64 %idxprom, !dbg !40
  %4 = load i32, ptr %arrayidx, align 4, !dbg !40
  %5 = load i32, ptr %crc, align 4, !dbg !41
  %shr = lshr i32 %5, 8, !dbg !42
  %xor1 = xor i32 %4, %shr, !dbg !43
  store i32 %xor1, ptr %crc, align 4, !dbg !44
  br label %while.cond, !dbg !33, !llvm.loop !45

while.end:                                        ; preds = %while.cond
  %6 = load i32, ptr %crc, align 4, !dbg !48
  %not = xor i32 %6, -1, !dbg !49
  ret i32 %not, !dbg !50
}

define i32 @crc_bits(ptr noundef %p, i64 noundef %n) #0 !dbg !51 {
entry:
  %p.addr = alloca ptr, align 8
  %n.addr = alloca i64, align 8
  %crc = alloca i32, align 4
  %i = alloca i64, align 8
  %k = alloca i32, align 4
  store ptr %p, ptr %p.addr, align 8
    #dbg_declare(ptr %p.addr, !52, !DIExpression(), !53)
  store i64 %n, ptr %n.addr, align 8
    #dbg_declare(ptr %n.addr, !54, !DIExpression(), !55)
    #dbg_declare(ptr %crc, !56, !DIExpression(), !57)
  store i32 -1, ptr %crc, align 4, !dbg !57
    #dbg_declare(ptr %i, !58, !DIExpression(), !60)
  store i64 0, ptr %i, align 8, !dbg !60
  br label %for.cond, !dbg !61

for.cond:                                         ; preds = %for.inc7, %entry
  %0 = load i64, ptr %i, align 8, !dbg !62
  %1 = load i64, ptr %n.addr, align 8, !dbg !64
  %cmp = icmp ult i64 %0, %1, !dbg !65
  br i1 %cmp, label %for.body, label %for.end9, !dbg !66

for.body:                                         ; preds = %for.cond
  %2 = load ptr, ptr %p.addr, align 8, !dbg !67
  %3 = load i64, ptr %i, align 8, !dbg !69
  %arrayidx = getelementptr inbounds i8, ptr %2, i64 %3, !dbg !67
  %4 = load i8, ptr %arrayidx, align 1, !dbg !67
  %conv = zext i8 %4 to i32, !dbg !67
  %5 = load i32, ptr %crc, align 4, !dbg !70
  %xor = xor i32 %5, %conv, !dbg !70
  store i32 %xor, ptr %crc, align 4, !dbg !70
    #dbg_declare(ptr %k, !71, !DIExpression(), !74)
  store i32 0, ptr %k, align 4, !dbg !74
  br label %for.cond1, !dbg !75

for.cond1:                                        ; preds = %for.inc, %for.body
  %6 = load i32, ptr %k, align 4, !dbg !76
  %cmp2 = icmp slt i32 %6, 8, !dbg !78
  br i1 %cmp2, label %for.body4, label %for.end, !dbg !79

for.body4:                                        ; preds = %for.cond1
  %7 = load i32, ptr %crc, align 4, !dbg !80
  %shr = lshr i32 %7, 1, !dbg !81
  %8 = load i32, ptr %crc, align 4, !dbg !82
  %and = and i32 %8, 1, !dbg !83
  %sub = sub i32 0, %and, !dbg !84
  %and5 = and i32 -306674912, %sub, !dbg !85
  %xor6 = xor i32 %shr, %and5, !dbg !86
  store i32 %xor6, ptr %crc, align 4, !dbg !87
  br label %for.inc, !dbg !88

for.inc:                                          ; preds = %for.body4
  %9 = load i32, ptr %k, align 4, !dbg !89
  %inc = add nsw i32 %9, 1, !dbg !89
  store i32 %inc, ptr %k, align 4, !dbg !89
  br label %for.cond1, !dbg !90, !llvm.loop !91

for.end:                                          ; preds = %for.cond1
  br label %for.inc7, !dbg !93

for.inc7:                                         ; preds = %for.end
  %10 = load i64, ptr %i, align 8, !dbg !94
  %inc8 = add i64 %10, 1, !dbg !94
  store i64 %inc8, ptr %i, align 8, !dbg !94
  br label %for.cond, !dbg !95, !llvm.loop !96

for.end9:                                         ; preds = %for.cond
  %11 = load i32, ptr %crc, align 4, !dbg !98
  %not = xor i32 %11, -1, !dbg !99
  ret i32 %not, !dbg !100
}

define i32 @trie_walk(ptr noundef %n, i32 noundef %addr) #0 !dbg !101 {
entry:
  %n.addr = alloca ptr, align 8
  %addr.addr = alloca i32, align 4
  %best = alloca i32, align 4
  %d = alloca i32, align 4
  store ptr %n, ptr %n.addr, align 8
    #dbg_declare(ptr %n.addr, !114, !DIExpression(), !115)
  store i32 %addr, ptr %addr.addr, align 4
    #dbg_declare(ptr %addr.addr, !116, !DIExpression(), !117)
    #dbg_declare(ptr %best, !118, !DIExpression(), !119)
  store i32 -1, ptr %best, align 4, !dbg !119
    #dbg_declare(ptr %d, !120, !DIExpression(), !122)
  store i32 0, ptr %d, align 4, !dbg !122
  br label %for.cond, !dbg !123

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %d, align 4, !dbg !124
  %cmp = icmp slt i32 %0, 32, !dbg !126
  br i1 %cmp, label %for.body, label %for.end, !dbg !127

for.body:                                         ; preds = %for.cond
  %1 = load ptr, ptr %n.addr, align 8, !dbg !128
  %nh = getelementptr inbounds %struct.node, ptr %1, i32 0, i32 1, !dbg !131
  %2 = load i32, ptr %nh, align 8, !dbg !131
  %cmp1 = icmp sge i32 %2, 0, !dbg !132
  br i1 %cmp1, label %if.then, label %if.end, !dbg !133

if.then:                                          ; preds = %for.body
  %3 = load ptr, ptr %n.addr, align 8, !dbg !134
  %nh2 = getelementptr inbounds %struct.node, ptr %3, i32 0, i32 1, !dbg !135
  %4 = load i32, ptr %nh2, align 8, !dbg !135
  store i32 %4, ptr %best, align 4, !dbg !136
  br label %if.end, !dbg !137

if.end:                                           ; preds = %if.then, %for.body
  %5 = load ptr, ptr %n.addr, align 8, !dbg !138
  %child = getelementptr inbounds %struct.node, ptr %5, i32 0, i32 0, !dbg !139
  %6 = load i32, ptr %addr.addr, align 4, !dbg !140
  %7 = load i32, ptr %d, align 4, !dbg !141
  %sub = sub nsw i32 31, %7, !dbg !142
  %shr = lshr i32 %6, %sub, !dbg !143
  %and = and i32 %shr, 1, !dbg !144
  %idxprom = zext i32 %and to i64, !dbg !138
  %arrayidx = getelementptr inbounds [2 x ptr], ptr %child, i64 0, i64 %idxprom, !dbg !138
  %8 = load ptr, ptr %arrayidx, align 8, !dbg !138
  store ptr %8, ptr %n.addr, align 8, !dbg !145
  %9 = load ptr, ptr %n.addr, align 8, !dbg !146
  %tobool = icmp ne ptr %9, null, !dbg !146
  br i1 %tobool, label %if.end4, label %if.then3, !dbg !148

if.then3:                                         ; preds = %if.end
  br label %for.end, !dbg !149

if.end4:                                          ; preds = %if.end
  br label %for.inc, !dbg !150

for.inc:                                          ; preds = %if.end4
  %10 = load i32, ptr %d, align 4, !dbg !151
  %inc = add nsw i32 %10, 1, !dbg !151
  store i32 %inc, ptr %d, align 4, !dbg !151
  br label %for.cond, !dbg !152, !llvm.loop !153

for.end:                                          ; preds = %if.then3, %for.cond
  %11 = load i32, ptr %best, align 4, !dbg !155
  ret i32 %11, !dbg !156
}

define i32 @mix3(ptr noundef %w, i32 noundef %h) #0 !dbg !157 {
entry:
  %w.addr = alloca ptr, align 8
  %h.addr = alloca i32, align 4
  %i = alloca i32, align 4
  store ptr %w, ptr %w.addr, align 8
    #dbg_declare(ptr %w.addr, !162, !DIExpression(), !163)
  store i32 %h, ptr %h.addr, align 4
    #dbg_declare(ptr %h.addr, !164, !DIExpression(), !165)
    #dbg_declare(ptr %i, !166, !DIExpression(), !168)
  store i32 0, ptr %i, align 4, !dbg !168
  br label %for.cond, !dbg !169

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %i, align 4, !dbg !170
  %cmp = icmp slt i32 %0, 3, !dbg !172
  br i1 %cmp, label %for.body, label %for.end, !dbg !173

for.body:                                         ; preds = %for.cond
  %1 = load ptr, ptr %w.addr, align 8, !dbg !174
  %2 = load i32, ptr %i, align 4, !dbg !176
  %idxprom = sext i32 %2 to i64, !dbg !174
  %arrayidx = getelementptr inbounds i32, ptr %1, i64 %idxprom, !dbg !174
  %3 = load i32, ptr %arrayidx, align 4, !dbg !174
  %4 = load i32, ptr %h.addr, align 4, !dbg !177
  %xor = xor i32 %4, %3, !dbg !177
  store i32 %xor, ptr %h.addr, align 4, !dbg !177
  %5 = load i32, ptr %h.addr, align 4, !dbg !178
  %mul = mul i32 %5, -1640531535, !dbg !178
  store i32 %mul, ptr %h.addr, align 4, !dbg !178
  %6 = load i32, ptr %h.addr, align 4, !dbg !179
  %shl = shl i32 %6, 7, !dbg !180
  %7 = load i32, ptr %h.addr, align 4, !dbg !181
  %shr = lshr i32 %7, 25, !dbg !182
  %or = or i32 %shl, %shr, !dbg !183
  store i32 %or, ptr %h.addr, align 4, !dbg !184
  br label %for.inc, !dbg !185

for.inc:                                          ; preds = %for.body
  %8 = load i32, ptr %i, align 4, !dbg !186
  %inc = add nsw i32 %8, 1, !dbg !186
  store i32 %inc, ptr %i, align 4, !dbg !186
  br label %for.cond, !dbg !187, !llvm.loop !188

for.end:                                          ; preds = %for.cond
  %9 = load i32, ptr %h.addr, align 4, !dbg !190
  ret i32 %9, !dbg !191
}

define i32 @byte_sum(ptr noundef %p, i64 noundef %n) #0 !dbg !192 {
entry:
  %p.addr = alloca ptr, align 8
  %n.addr = alloca i64, align 8
  %s = alloca i32, align 4
  %i = alloca i64, align 8
  store ptr %p, ptr %p.addr, align 8
    #dbg_declare(ptr %p.addr, !193, !DIExpression(), !194)
  store i64 %n, ptr %n.addr, align 8
    #dbg_declare(ptr %n.addr, !195, !DIExpression(), !196)
    #dbg_declare(ptr %s, !197, !DIExpression(), !198)
  store i32 0, ptr %s, align 4, !dbg !198
    #dbg_declare(ptr %i, !199, !DIExpression(), !201)
  store i64 0, ptr %i, align 8, !dbg !201
  br label %for.cond, !dbg !202

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i64, ptr %i, align 8, !dbg !203
  %1 = load i64, ptr %n.addr, align 8, !dbg !205
  %cmp = icmp ult i64 %0, %1, !dbg !206
  br i1 %cmp, label %for.body, label %for.end, !dbg !207

for.body:                                         ; preds = %for.cond
  %2 = load ptr, ptr %p.addr, align 8, !dbg !208
  %3 = load i64, ptr %i, align 8, !dbg !209
  %arrayidx = getelementptr inbounds i8, ptr %2, i64 %3, !dbg !208
  %4 = load i8, ptr %arrayidx, align 1, !dbg !208
  %conv = zext i8 %4 to i32, !dbg !208
  %5 = load i32, ptr %s, align 4, !dbg !210
  %add = add i32 %5, %conv, !dbg !210
  store i32 %add, ptr %s, align 4, !dbg !210
  br label %for.inc, !dbg !211

for.inc:                                          ; preds = %for.body
  %6 = load i64, ptr %i, align 8, !dbg !212
  %inc = add i64 %6, 1, !dbg !212
  store i64 %inc, ptr %i, align 8, !dbg !212
  br label %for.cond, !dbg !213, !llvm.loop !214

for.end:                                          ; preds = %for.cond
  %7 = load i32, ptr %s, align 4, !dbg !216
  ret i32 %7, !dbg !217
}

define i32 @handler(ptr noundef %w) #0 !dbg !218 {
entry:
  %w.addr = alloca ptr, align 8
  store ptr %w, ptr %w.addr, align 8
    #dbg_declare(ptr %w.addr, !221, !DIExpression(), !222)
  %0 = load ptr, ptr %w.addr, align 8, !dbg !223
  %call = call i32 @fold_words(ptr noundef %0, i32 noundef 4), !dbg !224
  %add = add i32 %call, 1, !dbg !225
  ret i32 %add, !dbg !226
}

define internal i32 @fold_words(ptr noundef %w, i32 noundef %n) #0 !dbg !227 {
entry:
  %w.addr = alloca ptr, align 8
  %n.addr = alloca i32, align 4
  %s = alloca i32, align 4
  %i = alloca i32, align 4
  store ptr %w, ptr %w.addr, align 8
    #dbg_declare(ptr %w.addr, !230, !DIExpression(), !231)
  store i32 %n, ptr %n.addr, align 4
    #dbg_declare(ptr %n.addr, !232, !DIExpression(), !233)
    #dbg_declare(ptr %s, !234, !DIExpression(), !235)
  store i32 0, ptr %s, align 4, !dbg !235
    #dbg_declare(ptr %i, !236, !DIExpression(), !238)
  store i32 0, ptr %i, align 4, !dbg !238
  br label %for.cond, !dbg !239

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %i, align 4, !dbg !240
  %1 = load i32, ptr %n.addr, align 4, !dbg !242
  %cmp = icmp slt i32 %0, %1, !dbg !243
  br i1 %cmp, label %for.body, label %for.end, !dbg !244

for.body:                                         ; preds = %for.cond
  %2 = load ptr, ptr %w.addr, align 8, !dbg !245
  %3 = load i32, ptr %i, align 4, !dbg !246
  %idxprom = sext i32 %3 to i64, !dbg !245
  %arrayidx = getelementptr inbounds i32, ptr %2, i64 %idxprom, !dbg !245
  %4 = load i32, ptr %arrayidx, align 4, !dbg !245
  %5 = load i32, ptr %s, align 4, !dbg !247
  %xor = xor i32 %5, %4, !dbg !247
  store i32 %xor, ptr %s, align 4, !dbg !247
  br label %for.inc, !dbg !248

for.inc:                                          ; preds = %for.body
  %6 = load i32, ptr %i, align 4, !dbg !249
  %inc = add nsw i32 %6, 1, !dbg !249
  store i32 %inc, ptr %i, align 4, !dbg !249
  br label %for.cond, !dbg !250, !llvm.loop !251

for.end:                                          ; preds = %for.cond
  %7 = load i32, ptr %s, align 4, !dbg !253
  ret i32 %7, !dbg !254
}

attributes #0 = { noinline nounwind }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3, !4, !5, !6, !7, !8}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang-19", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "accel_dataflow.c", directory: "clara_passes/inputs")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 1, !"wchar_size", i32 4}
!5 = !{i32 8, !"PIC Level", i32 2}
!6 = !{i32 7, !"PIE Level", i32 2}
!7 = !{i32 7, !"uwtable", i32 2}
!8 = !{i32 7, !"frame-pointer", i32 2}
!10 = distinct !DISubprogram(name: "crc_table", scope: !1, file: !1, line: 10, type: !11, scopeLine: 10, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !26)
!11 = !DISubroutineType(types: !12)
!12 = !{!13, !18, !23}
!13 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint32_t", file: !14, line: 26, baseType: !15)
!14 = !DIFile(filename: "/usr/include/x86_64-linux-gnu/bits/stdint-uintn.h", directory: "")
!15 = !DIDerivedType(tag: DW_TAG_typedef, name: "__uint32_t", file: !16, line: 42, baseType: !17)
!16 = !DIFile(filename: "/usr/include/x86_64-linux-gnu/bits/types.h", directory: "")
!17 = !DIBasicType(name: "unsigned int", size: 32, encoding: DW_ATE_unsigned)
!18 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !19, size: 64)
!19 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !20)
!20 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint8_t", file: !14, line: 24, baseType: !21)
!21 = !DIDerivedType(tag: DW_TAG_typedef, name: "__uint8_t", file: !16, line: 38, baseType: !22)
!22 = !DIBasicType(name: "unsigned char", size: 8, encoding: DW_ATE_unsigned_char)
!23 = !DIDerivedType(tag: DW_TAG_typedef, name: "size_t", file: !24, line: 18, baseType: !25)
!24 = !DIFile(filename: "/usr/lib/llvm-19/lib/clang/19/include/__stddef_size_t.h", directory: "")
!25 = !DIBasicType(name: "unsigned long", size: 64, encoding: DW_ATE_unsigned)
!26 = !{}
!27 = !DILocalVariable(name: "p", arg: 1, scope: !10, file: !1, line: 10, type: !18)
!28 = !DILocation(line: 10, column: 35, scope: !10)
!29 = !DILocalVariable(name: "n", arg: 2, scope: !10, file: !1, line: 10, type: !23)
!30 = !DILocation(line: 10, column: 45, scope: !10)
!31 = !DILocalVariable(name: "crc", scope: !10, file: !1, line: 11, type: !13)
!32 = !DILocation(line: 11, column: 12, scope: !10)
!33 = !DILocation(line: 12, column: 3, scope: !10)
!34 = !DILocation(line: 12, column: 11, scope: !10)
!35 = !DILocation(line: 13, column: 20, scope: !10)
!36 = !DILocation(line: 13, column: 28, scope: !10)
!37 = !DILocation(line: 13, column: 26, scope: !10)
!38 = !DILocation(line: 13, column: 24, scope: !10)
!39 = !DILocation(line: 13, column: 32, scope: !10)
!40 = !DILocation(line: 13, column: 11, scope: !10)
!41 = !DILocation(line: 13, column: 43, scope: !10)
!42 = !DILocation(line: 13, column: 47, scope: !10)
!43 = !DILocation(line: 13, column: 40, scope: !10)
!44 = !DILocation(line: 13, column: 9, scope: !10)
!45 = distinct !{!45, !33, !46, !47}
!46 = !DILocation(line: 13, column: 51, scope: !10)
!47 = !{!"llvm.loop.mustprogress"}
!48 = !DILocation(line: 14, column: 11, scope: !10)
!49 = !DILocation(line: 14, column: 10, scope: !10)
!50 = !DILocation(line: 14, column: 3, scope: !10)
!51 = distinct !DISubprogram(name: "crc_bits", scope: !1, file: !1, line: 19, type: !11, scopeLine: 19, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !26)
!52 = !DILocalVariable(name: "p", arg: 1, scope: !51, file: !1, line: 19, type: !18)
!53 = !DILocation(line: 19, column: 34, scope: !51)
!54 = !DILocalVariable(name: "n", arg: 2, scope: !51, file: !1, line: 19, type: !23)
!55 = !DILocation(line: 19, column: 44, scope: !51)
!56 = !DILocalVariable(name: "crc", scope: !51, file: !1, line: 20, type: !13)
!57 = !DILocation(line: 20, column: 12, scope: !51)
!58 = !DILocalVariable(name: "i", scope: !59, file: !1, line: 21, type: !23)
!59 = distinct !DILexicalBlock(scope: !51, file: !1, line: 21, column: 3)
!60 = !DILocation(line: 21, column: 15, scope: !59)
!61 = !DILocation(line: 21, column: 8, scope: !59)
!62 = !DILocation(line: 21, column: 22, scope: !63)
!63 = distinct !DILexicalBlock(scope: !59, file: !1, line: 21, column: 3)
!64 = !DILocation(line: 21, column: 26, scope: !63)
!65 = !DILocation(line: 21, column: 24, scope: !63)
!66 = !DILocation(line: 21, column: 3, scope: !59)
!67 = !DILocation(line: 22, column: 12, scope: !68)
!68 = distinct !DILexicalBlock(scope: !63, file: !1, line: 21, column: 34)
!69 = !DILocation(line: 22, column: 14, scope: !68)
!70 = !DILocation(line: 22, column: 9, scope: !68)
!71 = !DILocalVariable(name: "k", scope: !72, file: !1, line: 23, type: !73)
!72 = distinct !DILexicalBlock(scope: !68, file: !1, line: 23, column: 5)
!73 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
!74 = !DILocation(line: 23, column: 14, scope: !72)
!75 = !DILocation(line: 23, column: 10, scope: !72)
!76 = !DILocation(line: 23, column: 21, scope: !77)
!77 = distinct !DILexicalBlock(scope: !72, file: !1, line: 23, column: 5)
!78 = !DILocation(line: 23, column: 23, scope: !77)
!79 = !DILocation(line: 23, column: 5, scope: !72)
!80 = !DILocation(line: 24, column: 14, scope: !77)
!81 = !DILocation(line: 24, column: 18, scope: !77)
!82 = !DILocation(line: 24, column: 43, scope: !77)
!83 = !DILocation(line: 24, column: 47, scope: !77)
!84 = !DILocation(line: 24, column: 41, scope: !77)
!85 = !DILocation(line: 24, column: 39, scope: !77)
!86 = !DILocation(line: 24, column: 24, scope: !77)
!87 = !DILocation(line: 24, column: 11, scope: !77)
!88 = !DILocation(line: 24, column: 7, scope: !77)
!89 = !DILocation(line: 23, column: 29, scope: !77)
!90 = !DILocation(line: 23, column: 5, scope: !77)
!91 = distinct !{!91, !79, !92, !47}
!92 = !DILocation(line: 24, column: 51, scope: !72)
!93 = !DILocation(line: 25, column: 3, scope: !68)
!94 = !DILocation(line: 21, column: 30, scope: !63)
!95 = !DILocation(line: 21, column: 3, scope: !63)
!96 = distinct !{!96, !66, !97, !47}
!97 = !DILocation(line: 25, column: 3, scope: !59)
!98 = !DILocation(line: 26, column: 11, scope: !51)
!99 = !DILocation(line: 26, column: 10, scope: !51)
!100 = !DILocation(line: 26, column: 3, scope: !51)
!101 = distinct !DISubprogram(name: "trie_walk", scope: !1, file: !1, line: 35, type: !102, scopeLine: 35, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !26)
!102 = !DISubroutineType(types: !103)
!103 = !{!73, !104, !13}
!104 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !105, size: 64)
!105 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !106)
!106 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "node", file: !1, line: 31, size: 192, elements: !107)
!107 = !{!108, !113}
!108 = !DIDerivedType(tag: DW_TAG_member, name: "child", scope: !106, file: !1, line: 32, baseType: !109, size: 128)
!109 = !DICompositeType(tag: DW_TAG_array_type, baseType: !110, size: 128, elements: !111)
!110 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !106, size: 64)
!111 = !{!112}
!112 = !DISubrange(count: 2)
!113 = !DIDerivedType(tag: DW_TAG_member, name: "nh", scope: !106, file: !1, line: 33, baseType: !73, size: 32, offset: 128)
!114 = !DILocalVariable(name: "n", arg: 1, scope: !101, file: !1, line: 35, type: !104)
!115 = !DILocation(line: 35, column: 34, scope: !101)
!116 = !DILocalVariable(name: "addr", arg: 2, scope: !101, file: !1, line: 35, type: !13)
!117 = !DILocation(line: 35, column: 46, scope: !101)
!118 = !DILocalVariable(name: "best", scope: !101, file: !1, line: 36, type: !73)
!119 = !DILocation(line: 36, column: 7, scope: !101)
!120 = !DILocalVariable(name: "d", scope: !121, file: !1, line: 37, type: !73)
!121 = distinct !DILexicalBlock(scope: !101, file: !1, line: 37, column: 3)
!122 = !DILocation(line: 37, column: 12, scope: !121)
!123 = !DILocation(line: 37, column: 8, scope: !121)
!124 = !DILocation(line: 37, column: 19, scope: !125)
!125 = distinct !DILexicalBlock(scope: !121, file: !1, line: 37, column: 3)
!126 = !DILocation(line: 37, column: 21, scope: !125)
!127 = !DILocation(line: 37, column: 3, scope: !121)
!128 = !DILocation(line: 38, column: 9, scope: !129)
!129 = distinct !DILexicalBlock(scope: !130, file: !1, line: 38, column: 9)
!130 = distinct !DILexicalBlock(scope: !125, file: !1, line: 37, column: 32)
!131 = !DILocation(line: 38, column: 12, scope: !129)
!132 = !DILocation(line: 38, column: 15, scope: !129)
!133 = !DILocation(line: 38, column: 9, scope: !130)
!134 = !DILocation(line: 39, column: 14, scope: !129)
!135 = !DILocation(line: 39, column: 17, scope: !129)
!136 = !DILocation(line: 39, column: 12, scope: !129)
!137 = !DILocation(line: 39, column: 7, scope: !129)
!138 = !DILocation(line: 40, column: 9, scope: !130)
!139 = !DILocation(line: 40, column: 12, scope: !130)
!140 = !DILocation(line: 40, column: 19, scope: !130)
!141 = !DILocation(line: 40, column: 33, scope: !130)
!142 = !DILocation(line: 40, column: 31, scope: !130)
!143 = !DILocation(line: 40, column: 24, scope: !130)
!144 = !DILocation(line: 40, column: 37, scope: !130)
!145 = !DILocation(line: 40, column: 7, scope: !130)
!146 = !DILocation(line: 41, column: 10, scope: !147)
!147 = distinct !DILexicalBlock(scope: !130, file: !1, line: 41, column: 9)
!148 = !DILocation(line: 41, column: 9, scope: !130)
!149 = !DILocation(line: 42, column: 7, scope: !147)
!150 = !DILocation(line: 43, column: 3, scope: !130)
!151 = !DILocation(line: 37, column: 28, scope: !125)
!152 = !DILocation(line: 37, column: 3, scope: !125)
!153 = distinct !{!153, !127, !154, !47}
!154 = !DILocation(line: 43, column: 3, scope: !121)
!155 = !DILocation(line: 44, column: 10, scope: !101)
!156 = !DILocation(line: 44, column: 3, scope: !101)
!157 = distinct !DISubprogram(name: "mix3", scope: !1, file: !1, line: 48, type: !158, scopeLine: 48, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !26)
!158 = !DISubroutineType(types: !159)
!159 = !{!13, !160, !13}
!160 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !161, size: 64)
!161 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !13)
!162 = !DILocalVariable(name: "w", arg: 1, scope: !157, file: !1, line: 48, type: !160)
!163 = !DILocation(line: 48, column: 31, scope: !157)
!164 = !DILocalVariable(name: "h", arg: 2, scope: !157, file: !1, line: 48, type: !13)
!165 = !DILocation(line: 48, column: 43, scope: !157)
!166 = !DILocalVariable(name: "i", scope: !167, file: !1, line: 49, type: !73)
!167 = distinct !DILexicalBlock(scope: !157, file: !1, line: 49, column: 3)
!168 = !DILocation(line: 49, column: 12, scope: !167)
!169 = !DILocation(line: 49, column: 8, scope: !167)
!170 = !DILocation(line: 49, column: 19, scope: !171)
!171 = distinct !DILexicalBlock(scope: !167, file: !1, line: 49, column: 3)
!172 = !DILocation(line: 49, column: 21, scope: !171)
!173 = !DILocation(line: 49, column: 3, scope: !167)
!174 = !DILocation(line: 50, column: 10, scope: !175)
!175 = distinct !DILexicalBlock(scope: !171, file: !1, line: 49, column: 31)
!176 = !DILocation(line: 50, column: 12, scope: !175)
!177 = !DILocation(line: 50, column: 7, scope: !175)
!178 = !DILocation(line: 51, column: 7, scope: !175)
!179 = !DILocation(line: 52, column: 10, scope: !175)
!180 = !DILocation(line: 52, column: 12, scope: !175)
!181 = !DILocation(line: 52, column: 21, scope: !175)
!182 = !DILocation(line: 52, column: 23, scope: !175)
!183 = !DILocation(line: 52, column: 18, scope: !175)
!184 = !DILocation(line: 52, column: 7, scope: !175)
!185 = !DILocation(line: 53, column: 3, scope: !175)
!186 = !DILocation(line: 49, column: 27, scope: !171)
!187 = !DILocation(line: 49, column: 3, scope: !171)
!188 = distinct !{!188, !173, !189, !47}
!189 = !DILocation(line: 53, column: 3, scope: !167)
!190 = !DILocation(line: 54, column: 10, scope: !157)
!191 = !DILocation(line: 54, column: 3, scope: !157)
!192 = distinct !DISubprogram(name: "byte_sum", scope: !1, file: !1, line: 58, type: !11, scopeLine: 58, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !26)
!193 = !DILocalVariable(name: "p", arg: 1, scope: !192, file: !1, line: 58, type: !18)
!194 = !DILocation(line: 58, column: 34, scope: !192)
!195 = !DILocalVariable(name: "n", arg: 2, scope: !192, file: !1, line: 58, type: !23)
!196 = !DILocation(line: 58, column: 44, scope: !192)
!197 = !DILocalVariable(name: "s", scope: !192, file: !1, line: 59, type: !13)
!198 = !DILocation(line: 59, column: 12, scope: !192)
!199 = !DILocalVariable(name: "i", scope: !200, file: !1, line: 60, type: !23)
!200 = distinct !DILexicalBlock(scope: !192, file: !1, line: 60, column: 3)
!201 = !DILocation(line: 60, column: 15, scope: !200)
!202 = !DILocation(line: 60, column: 8, scope: !200)
!203 = !DILocation(line: 60, column: 22, scope: !204)
!204 = distinct !DILexicalBlock(scope: !200, file: !1, line: 60, column: 3)
!205 = !DILocation(line: 60, column: 26, scope: !204)
!206 = !DILocation(line: 60, column: 24, scope: !204)
!207 = !DILocation(line: 60, column: 3, scope: !200)
!208 = !DILocation(line: 61, column: 10, scope: !204)
!209 = !DILocation(line: 61, column: 12, scope: !204)
!210 = !DILocation(line: 61, column: 7, scope: !204)
!211 = !DILocation(line: 61, column: 5, scope: !204)
!212 = !DILocation(line: 60, column: 30, scope: !204)
!213 = !DILocation(line: 60, column: 3, scope: !204)
!214 = distinct !{!214, !207, !215, !47}
!215 = !DILocation(line: 61, column: 13, scope: !200)
!216 = !DILocation(line: 62, column: 10, scope: !192)
!217 = !DILocation(line: 62, column: 3, scope: !192)
!218 = distinct !DISubprogram(name: "handler", scope: !1, file: !1, line: 73, type: !219, scopeLine: 73, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !26)
!219 = !DISubroutineType(types: !220)
!220 = !{!13, !160}
!221 = !DILocalVariable(name: "w", arg: 1, scope: !218, file: !1, line: 73, type: !160)
!222 = !DILocation(line: 73, column: 34, scope: !218)
!223 = !DILocation(line: 73, column: 57, scope: !218)
!224 = !DILocation(line: 73, column: 46, scope: !218)
!225 = !DILocation(line: 73, column: 63, scope: !218)
!226 = !DILocation(line: 73, column: 39, scope: !218)
!227 = distinct !DISubprogram(name: "fold_words", scope: !1, file: !1, line: 67, type: !228, scopeLine: 67, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !0, retainedNodes: !26)
!228 = !DISubroutineType(types: !229)
!229 = !{!13, !160, !73}
!230 = !DILocalVariable(name: "w", arg: 1, scope: !227, file: !1, line: 67, type: !160)
!231 = !DILocation(line: 67, column: 44, scope: !227)
!232 = !DILocalVariable(name: "n", arg: 2, scope: !227, file: !1, line: 67, type: !73)
!233 = !DILocation(line: 67, column: 51, scope: !227)
!234 = !DILocalVariable(name: "s", scope: !227, file: !1, line: 68, type: !13)
!235 = !DILocation(line: 68, column: 12, scope: !227)
!236 = !DILocalVariable(name: "i", scope: !237, file: !1, line: 69, type: !73)
!237 = distinct !DILexicalBlock(scope: !227, file: !1, line: 69, column: 3)
!238 = !DILocation(line: 69, column: 12, scope: !237)
!239 = !DILocation(line: 69, column: 8, scope: !237)
!240 = !DILocation(line: 69, column: 19, scope: !241)
!241 = distinct !DILexicalBlock(scope: !237, file: !1, line: 69, column: 3)
!242 = !DILocation(line: 69, column: 23, scope: !241)
!243 = !DILocation(line: 69, column: 21, scope: !241)
!244 = !DILocation(line: 69, column: 3, scope: !237)
!245 = !DILocation(line: 70, column: 10, scope: !241)
!246 = !DILocation(line: 70, column: 12, scope: !241)
!247 = !DILocation(line: 70, column: 7, scope: !241)
!248 = !DILocation(line: 70, column: 5, scope: !241)
!249 = !DILocation(line: 69, column: 27, scope: !241)
!250 = !DILocation(line: 69, column: 3, scope: !241)
!251 = distinct !{!251, !244, !252, !47}
!252 = !DILocation(line: 70, column: 13, scope: !237)
!253 = !DILocation(line: 71, column: 10, scope: !227)
!254 = !DILocation(line: 71, column: 3, scope: !227)
