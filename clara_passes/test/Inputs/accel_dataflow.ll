; FILE: clara_passes/test/Inputs/accel_dataflow.ll (generated from clara_passes/inputs/accel_dataflow.c by regen.sh)
; Shared input of the clara_passes lit tests; not a test itself.
; ModuleID = 'accel_dataflow.c'
source_filename = "accel_dataflow.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.rule = type { i32, i32 }
%struct.route = type { i32, i32, i32, i32 }
%struct.node = type { [2 x ptr], i32 }

@crc_tab = external constant [256 x i32], align 16
@fixed_rules = internal constant [3 x %struct.rule] [%struct.rule { i32 167772160, i32 -16777216 }, %struct.rule { i32 -1408237568, i32 -1048576 }, %struct.rule { i32 -1062731776, i32 -65536 }], align 16, !dbg !0
@live_rules = global [3 x %struct.rule] zeroinitializer, align 16, !dbg !5
@routes = global [16 x %struct.route] zeroinitializer, align 16, !dbg !19

define i32 @crc_table(ptr noundef %p, i64 noundef %n) #0 !dbg !41 {
entry:
  %p.addr = alloca ptr, align 8
  %n.addr = alloca i64, align 8
  %crc = alloca i32, align 4
  store ptr %p, ptr %p.addr, align 8
    #dbg_declare(ptr %p.addr, !53, !DIExpression(), !54)
  store i64 %n, ptr %n.addr, align 8
    #dbg_declare(ptr %n.addr, !55, !DIExpression(), !56)
    #dbg_declare(ptr %crc, !57, !DIExpression(), !58)
  store i32 -1, ptr %crc, align 4, !dbg !58
  br label %while.cond, !dbg !59

while.cond:                                       ; preds = %while.body, %entry
  %0 = load i64, ptr %n.addr, align 8, !dbg !60
  %dec = add i64 %0, -1, !dbg !60
  store i64 %dec, ptr %n.addr, align 8, !dbg !60
  %tobool = icmp ne i64 %0, 0, !dbg !59
  br i1 %tobool, label %while.body, label %while.end, !dbg !59

while.body:                                       ; preds = %while.cond
  %1 = load i32, ptr %crc, align 4, !dbg !61
  %2 = load ptr, ptr %p.addr, align 8, !dbg !62
  %incdec.ptr = getelementptr inbounds i8, ptr %2, i32 1, !dbg !62
  store ptr %incdec.ptr, ptr %p.addr, align 8, !dbg !62
  %3 = load i8, ptr %2, align 1, !dbg !63
  %conv = zext i8 %3 to i32, !dbg !63
  %xor = xor i32 %1, %conv, !dbg !64
  %and = and i32 %xor, 255, !dbg !65
  %idxprom = zext i32 %and to i64, !dbg !66
  %arrayidx = getelementptr inbounds [256 x i32], ptr @crc_tab, i64 0, i64 %idxprom, !dbg !66
  %4 = load i32, ptr %arrayidx, align 4, !dbg !66
  %5 = load i32, ptr %crc, align 4, !dbg !67
  %shr = lshr i32 %5, 8, !dbg !68
  %xor1 = xor i32 %4, %shr, !dbg !69
  store i32 %xor1, ptr %crc, align 4, !dbg !70
  br label %while.cond, !dbg !59, !llvm.loop !71

while.end:                                        ; preds = %while.cond
  %6 = load i32, ptr %crc, align 4, !dbg !74
  %not = xor i32 %6, -1, !dbg !75
  ret i32 %not, !dbg !76
}

define i32 @crc_bits(ptr noundef %p, i64 noundef %n) #0 !dbg !77 {
entry:
  %p.addr = alloca ptr, align 8
  %n.addr = alloca i64, align 8
  %crc = alloca i32, align 4
  %i = alloca i64, align 8
  %k = alloca i32, align 4
  store ptr %p, ptr %p.addr, align 8
    #dbg_declare(ptr %p.addr, !78, !DIExpression(), !79)
  store i64 %n, ptr %n.addr, align 8
    #dbg_declare(ptr %n.addr, !80, !DIExpression(), !81)
    #dbg_declare(ptr %crc, !82, !DIExpression(), !83)
  store i32 -1, ptr %crc, align 4, !dbg !83
    #dbg_declare(ptr %i, !84, !DIExpression(), !86)
  store i64 0, ptr %i, align 8, !dbg !86
  br label %for.cond, !dbg !87

for.cond:                                         ; preds = %for.inc7, %entry
  %0 = load i64, ptr %i, align 8, !dbg !88
  %1 = load i64, ptr %n.addr, align 8, !dbg !90
  %cmp = icmp ult i64 %0, %1, !dbg !91
  br i1 %cmp, label %for.body, label %for.end9, !dbg !92

for.body:                                         ; preds = %for.cond
  %2 = load ptr, ptr %p.addr, align 8, !dbg !93
  %3 = load i64, ptr %i, align 8, !dbg !95
  %arrayidx = getelementptr inbounds i8, ptr %2, i64 %3, !dbg !93
  %4 = load i8, ptr %arrayidx, align 1, !dbg !93
  %conv = zext i8 %4 to i32, !dbg !93
  %5 = load i32, ptr %crc, align 4, !dbg !96
  %xor = xor i32 %5, %conv, !dbg !96
  store i32 %xor, ptr %crc, align 4, !dbg !96
    #dbg_declare(ptr %k, !97, !DIExpression(), !99)
  store i32 0, ptr %k, align 4, !dbg !99
  br label %for.cond1, !dbg !100

for.cond1:                                        ; preds = %for.inc, %for.body
  %6 = load i32, ptr %k, align 4, !dbg !101
  %cmp2 = icmp slt i32 %6, 8, !dbg !103
  br i1 %cmp2, label %for.body4, label %for.end, !dbg !104

for.body4:                                        ; preds = %for.cond1
  %7 = load i32, ptr %crc, align 4, !dbg !105
  %shr = lshr i32 %7, 1, !dbg !106
  %8 = load i32, ptr %crc, align 4, !dbg !107
  %and = and i32 %8, 1, !dbg !108
  %sub = sub i32 0, %and, !dbg !109
  %and5 = and i32 -306674912, %sub, !dbg !110
  %xor6 = xor i32 %shr, %and5, !dbg !111
  store i32 %xor6, ptr %crc, align 4, !dbg !112
  br label %for.inc, !dbg !113

for.inc:                                          ; preds = %for.body4
  %9 = load i32, ptr %k, align 4, !dbg !114
  %inc = add nsw i32 %9, 1, !dbg !114
  store i32 %inc, ptr %k, align 4, !dbg !114
  br label %for.cond1, !dbg !115, !llvm.loop !116

for.end:                                          ; preds = %for.cond1
  br label %for.inc7, !dbg !118

for.inc7:                                         ; preds = %for.end
  %10 = load i64, ptr %i, align 8, !dbg !119
  %inc8 = add i64 %10, 1, !dbg !119
  store i64 %inc8, ptr %i, align 8, !dbg !119
  br label %for.cond, !dbg !120, !llvm.loop !121

for.end9:                                         ; preds = %for.cond
  %11 = load i32, ptr %crc, align 4, !dbg !123
  %not = xor i32 %11, -1, !dbg !124
  ret i32 %not, !dbg !125
}

define i32 @trie_walk(ptr noundef %n, i32 noundef %addr) #0 !dbg !126 {
entry:
  %n.addr = alloca ptr, align 8
  %addr.addr = alloca i32, align 4
  %best = alloca i32, align 4
  %d = alloca i32, align 4
  store ptr %n, ptr %n.addr, align 8
    #dbg_declare(ptr %n.addr, !139, !DIExpression(), !140)
  store i32 %addr, ptr %addr.addr, align 4
    #dbg_declare(ptr %addr.addr, !141, !DIExpression(), !142)
    #dbg_declare(ptr %best, !143, !DIExpression(), !144)
  store i32 -1, ptr %best, align 4, !dbg !144
    #dbg_declare(ptr %d, !145, !DIExpression(), !147)
  store i32 0, ptr %d, align 4, !dbg !147
  br label %for.cond, !dbg !148

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %d, align 4, !dbg !149
  %cmp = icmp slt i32 %0, 32, !dbg !151
  br i1 %cmp, label %for.body, label %for.end, !dbg !152

for.body:                                         ; preds = %for.cond
  %1 = load ptr, ptr %n.addr, align 8, !dbg !153
  %nh = getelementptr inbounds %struct.node, ptr %1, i32 0, i32 1, !dbg !156
  %2 = load i32, ptr %nh, align 8, !dbg !156
  %cmp1 = icmp sge i32 %2, 0, !dbg !157
  br i1 %cmp1, label %if.then, label %if.end, !dbg !158

if.then:                                          ; preds = %for.body
  %3 = load ptr, ptr %n.addr, align 8, !dbg !159
  %nh2 = getelementptr inbounds %struct.node, ptr %3, i32 0, i32 1, !dbg !160
  %4 = load i32, ptr %nh2, align 8, !dbg !160
  store i32 %4, ptr %best, align 4, !dbg !161
  br label %if.end, !dbg !162

if.end:                                           ; preds = %if.then, %for.body
  %5 = load ptr, ptr %n.addr, align 8, !dbg !163
  %child = getelementptr inbounds %struct.node, ptr %5, i32 0, i32 0, !dbg !164
  %6 = load i32, ptr %addr.addr, align 4, !dbg !165
  %7 = load i32, ptr %d, align 4, !dbg !166
  %sub = sub nsw i32 31, %7, !dbg !167
  %shr = lshr i32 %6, %sub, !dbg !168
  %and = and i32 %shr, 1, !dbg !169
  %idxprom = zext i32 %and to i64, !dbg !163
  %arrayidx = getelementptr inbounds [2 x ptr], ptr %child, i64 0, i64 %idxprom, !dbg !163
  %8 = load ptr, ptr %arrayidx, align 8, !dbg !163
  store ptr %8, ptr %n.addr, align 8, !dbg !170
  %9 = load ptr, ptr %n.addr, align 8, !dbg !171
  %tobool = icmp ne ptr %9, null, !dbg !171
  br i1 %tobool, label %if.end4, label %if.then3, !dbg !173

if.then3:                                         ; preds = %if.end
  br label %for.end, !dbg !174

if.end4:                                          ; preds = %if.end
  br label %for.inc, !dbg !175

for.inc:                                          ; preds = %if.end4
  %10 = load i32, ptr %d, align 4, !dbg !176
  %inc = add nsw i32 %10, 1, !dbg !176
  store i32 %inc, ptr %d, align 4, !dbg !176
  br label %for.cond, !dbg !177, !llvm.loop !178

for.end:                                          ; preds = %if.then3, %for.cond
  %11 = load i32, ptr %best, align 4, !dbg !180
  ret i32 %11, !dbg !181
}

define i32 @mix3(ptr noundef %w, i32 noundef %h) #0 !dbg !182 {
entry:
  %w.addr = alloca ptr, align 8
  %h.addr = alloca i32, align 4
  %i = alloca i32, align 4
  store ptr %w, ptr %w.addr, align 8
    #dbg_declare(ptr %w.addr, !187, !DIExpression(), !188)
  store i32 %h, ptr %h.addr, align 4
    #dbg_declare(ptr %h.addr, !189, !DIExpression(), !190)
    #dbg_declare(ptr %i, !191, !DIExpression(), !193)
  store i32 0, ptr %i, align 4, !dbg !193
  br label %for.cond, !dbg !194

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %i, align 4, !dbg !195
  %cmp = icmp slt i32 %0, 3, !dbg !197
  br i1 %cmp, label %for.body, label %for.end, !dbg !198

for.body:                                         ; preds = %for.cond
  %1 = load ptr, ptr %w.addr, align 8, !dbg !199
  %2 = load i32, ptr %i, align 4, !dbg !201
  %idxprom = sext i32 %2 to i64, !dbg !199
  %arrayidx = getelementptr inbounds i32, ptr %1, i64 %idxprom, !dbg !199
  %3 = load i32, ptr %arrayidx, align 4, !dbg !199
  %4 = load i32, ptr %h.addr, align 4, !dbg !202
  %xor = xor i32 %4, %3, !dbg !202
  store i32 %xor, ptr %h.addr, align 4, !dbg !202
  %5 = load i32, ptr %h.addr, align 4, !dbg !203
  %mul = mul i32 %5, -1640531535, !dbg !203
  store i32 %mul, ptr %h.addr, align 4, !dbg !203
  %6 = load i32, ptr %h.addr, align 4, !dbg !204
  %shl = shl i32 %6, 7, !dbg !205
  %7 = load i32, ptr %h.addr, align 4, !dbg !206
  %shr = lshr i32 %7, 25, !dbg !207
  %or = or i32 %shl, %shr, !dbg !208
  store i32 %or, ptr %h.addr, align 4, !dbg !209
  br label %for.inc, !dbg !210

for.inc:                                          ; preds = %for.body
  %8 = load i32, ptr %i, align 4, !dbg !211
  %inc = add nsw i32 %8, 1, !dbg !211
  store i32 %inc, ptr %i, align 4, !dbg !211
  br label %for.cond, !dbg !212, !llvm.loop !213

for.end:                                          ; preds = %for.cond
  %9 = load i32, ptr %h.addr, align 4, !dbg !215
  ret i32 %9, !dbg !216
}

define i32 @byte_sum(ptr noundef %p, i64 noundef %n) #0 !dbg !217 {
entry:
  %p.addr = alloca ptr, align 8
  %n.addr = alloca i64, align 8
  %s = alloca i32, align 4
  %i = alloca i64, align 8
  store ptr %p, ptr %p.addr, align 8
    #dbg_declare(ptr %p.addr, !218, !DIExpression(), !219)
  store i64 %n, ptr %n.addr, align 8
    #dbg_declare(ptr %n.addr, !220, !DIExpression(), !221)
    #dbg_declare(ptr %s, !222, !DIExpression(), !223)
  store i32 0, ptr %s, align 4, !dbg !223
    #dbg_declare(ptr %i, !224, !DIExpression(), !226)
  store i64 0, ptr %i, align 8, !dbg !226
  br label %for.cond, !dbg !227

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i64, ptr %i, align 8, !dbg !228
  %1 = load i64, ptr %n.addr, align 8, !dbg !230
  %cmp = icmp ult i64 %0, %1, !dbg !231
  br i1 %cmp, label %for.body, label %for.end, !dbg !232

for.body:                                         ; preds = %for.cond
  %2 = load ptr, ptr %p.addr, align 8, !dbg !233
  %3 = load i64, ptr %i, align 8, !dbg !234
  %arrayidx = getelementptr inbounds i8, ptr %2, i64 %3, !dbg !233
  %4 = load i8, ptr %arrayidx, align 1, !dbg !233
  %conv = zext i8 %4 to i32, !dbg !233
  %5 = load i32, ptr %s, align 4, !dbg !235
  %add = add i32 %5, %conv, !dbg !235
  store i32 %add, ptr %s, align 4, !dbg !235
  br label %for.inc, !dbg !236

for.inc:                                          ; preds = %for.body
  %6 = load i64, ptr %i, align 8, !dbg !237
  %inc = add i64 %6, 1, !dbg !237
  store i64 %inc, ptr %i, align 8, !dbg !237
  br label %for.cond, !dbg !238, !llvm.loop !239

for.end:                                          ; preds = %for.cond
  %7 = load i32, ptr %s, align 4, !dbg !241
  ret i32 %7, !dbg !242
}

define i32 @handler(ptr noundef %w) #0 !dbg !243 {
entry:
  %w.addr = alloca ptr, align 8
  store ptr %w, ptr %w.addr, align 8
    #dbg_declare(ptr %w.addr, !246, !DIExpression(), !247)
  %0 = load ptr, ptr %w.addr, align 8, !dbg !248
  %call = call i32 @fold_words(ptr noundef %0, i32 noundef 4), !dbg !249
  %add = add i32 %call, 1, !dbg !250
  ret i32 %add, !dbg !251
}

define internal i32 @fold_words(ptr noundef %w, i32 noundef %n) #0 !dbg !252 {
entry:
  %w.addr = alloca ptr, align 8
  %n.addr = alloca i32, align 4
  %s = alloca i32, align 4
  %i = alloca i32, align 4
  store ptr %w, ptr %w.addr, align 8
    #dbg_declare(ptr %w.addr, !255, !DIExpression(), !256)
  store i32 %n, ptr %n.addr, align 4
    #dbg_declare(ptr %n.addr, !257, !DIExpression(), !258)
    #dbg_declare(ptr %s, !259, !DIExpression(), !260)
  store i32 0, ptr %s, align 4, !dbg !260
    #dbg_declare(ptr %i, !261, !DIExpression(), !263)
  store i32 0, ptr %i, align 4, !dbg !263
  br label %for.cond, !dbg !264

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %i, align 4, !dbg !265
  %1 = load i32, ptr %n.addr, align 4, !dbg !267
  %cmp = icmp slt i32 %0, %1, !dbg !268
  br i1 %cmp, label %for.body, label %for.end, !dbg !269

for.body:                                         ; preds = %for.cond
  %2 = load ptr, ptr %w.addr, align 8, !dbg !270
  %3 = load i32, ptr %i, align 4, !dbg !271
  %idxprom = sext i32 %3 to i64, !dbg !270
  %arrayidx = getelementptr inbounds i32, ptr %2, i64 %idxprom, !dbg !270
  %4 = load i32, ptr %arrayidx, align 4, !dbg !270
  %5 = load i32, ptr %s, align 4, !dbg !272
  %xor = xor i32 %5, %4, !dbg !272
  store i32 %xor, ptr %s, align 4, !dbg !272
  br label %for.inc, !dbg !273

for.inc:                                          ; preds = %for.body
  %6 = load i32, ptr %i, align 4, !dbg !274
  %inc = add nsw i32 %6, 1, !dbg !274
  store i32 %inc, ptr %i, align 4, !dbg !274
  br label %for.cond, !dbg !275, !llvm.loop !276

for.end:                                          ; preds = %for.cond
  %7 = load i32, ptr %s, align 4, !dbg !278
  ret i32 %7, !dbg !279
}

define i32 @match_fixed(i32 noundef %a) #0 !dbg !280 {
entry:
  %retval = alloca i32, align 4
  %a.addr = alloca i32, align 4
  %i = alloca i32, align 4
  store i32 %a, ptr %a.addr, align 4
    #dbg_declare(ptr %a.addr, !283, !DIExpression(), !284)
    #dbg_declare(ptr %i, !285, !DIExpression(), !287)
  store i32 0, ptr %i, align 4, !dbg !287
  br label %for.cond, !dbg !288

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %i, align 4, !dbg !289
  %cmp = icmp slt i32 %0, 3, !dbg !291
  br i1 %cmp, label %for.body, label %for.end, !dbg !292

for.body:                                         ; preds = %for.cond
  %1 = load i32, ptr %a.addr, align 4, !dbg !293
  %2 = load i32, ptr %i, align 4, !dbg !295
  %idxprom = sext i32 %2 to i64, !dbg !296
  %arrayidx = getelementptr inbounds [3 x %struct.rule], ptr @fixed_rules, i64 0, i64 %idxprom, !dbg !296
  %mask = getelementptr inbounds %struct.rule, ptr %arrayidx, i32 0, i32 1, !dbg !297
  %3 = load i32, ptr %mask, align 4, !dbg !297
  %and = and i32 %1, %3, !dbg !298
  %4 = load i32, ptr %i, align 4, !dbg !299
  %idxprom1 = sext i32 %4 to i64, !dbg !300
  %arrayidx2 = getelementptr inbounds [3 x %struct.rule], ptr @fixed_rules, i64 0, i64 %idxprom1, !dbg !300
  %addr = getelementptr inbounds %struct.rule, ptr %arrayidx2, i32 0, i32 0, !dbg !301
  %5 = load i32, ptr %addr, align 8, !dbg !301
  %cmp3 = icmp eq i32 %and, %5, !dbg !302
  br i1 %cmp3, label %if.then, label %if.end, !dbg !303

if.then:                                          ; preds = %for.body
  %6 = load i32, ptr %i, align 4, !dbg !304
  store i32 %6, ptr %retval, align 4, !dbg !305
  br label %return, !dbg !305

if.end:                                           ; preds = %for.body
  br label %for.inc, !dbg !301

for.inc:                                          ; preds = %if.end
  %7 = load i32, ptr %i, align 4, !dbg !306
  %inc = add nsw i32 %7, 1, !dbg !306
  store i32 %inc, ptr %i, align 4, !dbg !306
  br label %for.cond, !dbg !307, !llvm.loop !308

for.end:                                          ; preds = %for.cond
  store i32 -1, ptr %retval, align 4, !dbg !310
  br label %return, !dbg !310

return:                                           ; preds = %for.end, %if.then
  %8 = load i32, ptr %retval, align 4, !dbg !311
  ret i32 %8, !dbg !311
}

define i32 @match_live(i32 noundef %a) #0 !dbg !312 {
entry:
  %retval = alloca i32, align 4
  %a.addr = alloca i32, align 4
  %i = alloca i32, align 4
  store i32 %a, ptr %a.addr, align 4
    #dbg_declare(ptr %a.addr, !313, !DIExpression(), !314)
    #dbg_declare(ptr %i, !315, !DIExpression(), !317)
  store i32 0, ptr %i, align 4, !dbg !317
  br label %for.cond, !dbg !318

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %i, align 4, !dbg !319
  %cmp = icmp slt i32 %0, 3, !dbg !321
  br i1 %cmp, label %for.body, label %for.end, !dbg !322

for.body:                                         ; preds = %for.cond
  %1 = load i32, ptr %a.addr, align 4, !dbg !323
  %2 = load i32, ptr %i, align 4, !dbg !325
  %idxprom = sext i32 %2 to i64, !dbg !326
  %arrayidx = getelementptr inbounds [3 x %struct.rule], ptr @live_rules, i64 0, i64 %idxprom, !dbg !326
  %mask = getelementptr inbounds %struct.rule, ptr %arrayidx, i32 0, i32 1, !dbg !327
  %3 = load i32, ptr %mask, align 4, !dbg !327
  %and = and i32 %1, %3, !dbg !328
  %4 = load i32, ptr %i, align 4, !dbg !329
  %idxprom1 = sext i32 %4 to i64, !dbg !330
  %arrayidx2 = getelementptr inbounds [3 x %struct.rule], ptr @live_rules, i64 0, i64 %idxprom1, !dbg !330
  %addr = getelementptr inbounds %struct.rule, ptr %arrayidx2, i32 0, i32 0, !dbg !331
  %5 = load i32, ptr %addr, align 8, !dbg !331
  %cmp3 = icmp eq i32 %and, %5, !dbg !332
  br i1 %cmp3, label %if.then, label %if.end, !dbg !333

if.then:                                          ; preds = %for.body
  %6 = load i32, ptr %i, align 4, !dbg !334
  store i32 %6, ptr %retval, align 4, !dbg !335
  br label %return, !dbg !335

if.end:                                           ; preds = %for.body
  br label %for.inc, !dbg !331

for.inc:                                          ; preds = %if.end
  %7 = load i32, ptr %i, align 4, !dbg !336
  %inc = add nsw i32 %7, 1, !dbg !336
  store i32 %inc, ptr %i, align 4, !dbg !336
  br label %for.cond, !dbg !337, !llvm.loop !338

for.end:                                          ; preds = %for.cond
  store i32 -1, ptr %retval, align 4, !dbg !340
  br label %return, !dbg !340

return:                                           ; preds = %for.end, %if.then
  %8 = load i32, ptr %retval, align 4, !dbg !341
  ret i32 %8, !dbg !341
}

define i32 @pick(i32 noundef %a, i32 noundef %b, i32 noundef %n) #0 !dbg !342 {
entry:
  %a.addr = alloca i32, align 4
  %b.addr = alloca i32, align 4
  %n.addr = alloca i32, align 4
  store i32 %a, ptr %a.addr, align 4
    #dbg_declare(ptr %a.addr, !345, !DIExpression(), !346)
  store i32 %b, ptr %b.addr, align 4
    #dbg_declare(ptr %b.addr, !347, !DIExpression(), !348)
  store i32 %n, ptr %n.addr, align 4
    #dbg_declare(ptr %n.addr, !349, !DIExpression(), !350)
  %0 = load i32, ptr %a.addr, align 4, !dbg !351
  %1 = load i32, ptr %b.addr, align 4, !dbg !352
  %call = call i32 @hash_pair(i32 noundef %0, i32 noundef %1), !dbg !353
  %2 = load i32, ptr %n.addr, align 4, !dbg !354
  %rem = urem i32 %call, %2, !dbg !355
  ret i32 %rem, !dbg !356
}

define internal i32 @hash_pair(i32 noundef %a, i32 noundef %b) #0 !dbg !357 {
entry:
  %a.addr = alloca i32, align 4
  %b.addr = alloca i32, align 4
  store i32 %a, ptr %a.addr, align 4
    #dbg_declare(ptr %a.addr, !360, !DIExpression(), !361)
  store i32 %b, ptr %b.addr, align 4
    #dbg_declare(ptr %b.addr, !362, !DIExpression(), !363)
  %0 = load i32, ptr %a.addr, align 4, !dbg !364
  %1 = load i32, ptr %b.addr, align 4, !dbg !365
  %call = call i32 @mix32(i32 noundef %1), !dbg !366
  %xor = xor i32 %0, %call, !dbg !367
  %call1 = call i32 @mix32(i32 noundef %xor), !dbg !368
  ret i32 %call1, !dbg !369
}

define i32 @lpm_scan(i32 noundef %a, i32 noundef %n) #0 !dbg !370 {
entry:
  %a.addr = alloca i32, align 4
  %n.addr = alloca i32, align 4
  %best = alloca i32, align 4
  %best_len = alloca i32, align 4
  %i = alloca i32, align 4
  store i32 %a, ptr %a.addr, align 4
    #dbg_declare(ptr %a.addr, !373, !DIExpression(), !374)
  store i32 %n, ptr %n.addr, align 4
    #dbg_declare(ptr %n.addr, !375, !DIExpression(), !376)
    #dbg_declare(ptr %best, !377, !DIExpression(), !378)
  store i32 -1, ptr %best, align 4, !dbg !378
    #dbg_declare(ptr %best_len, !379, !DIExpression(), !380)
  store i32 -1, ptr %best_len, align 4, !dbg !380
    #dbg_declare(ptr %i, !381, !DIExpression(), !383)
  store i32 0, ptr %i, align 4, !dbg !383
  br label %for.cond, !dbg !384

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %i, align 4, !dbg !385
  %1 = load i32, ptr %n.addr, align 4, !dbg !387
  %cmp = icmp slt i32 %0, %1, !dbg !388
  br i1 %cmp, label %for.body, label %for.end, !dbg !389

for.body:                                         ; preds = %for.cond
  %2 = load i32, ptr %a.addr, align 4, !dbg !390
  %3 = load i32, ptr %i, align 4, !dbg !392
  %idxprom = sext i32 %3 to i64, !dbg !393
  %arrayidx = getelementptr inbounds [16 x %struct.route], ptr @routes, i64 0, i64 %idxprom, !dbg !393
  %mask = getelementptr inbounds %struct.route, ptr %arrayidx, i32 0, i32 1, !dbg !394
  %4 = load i32, ptr %mask, align 4, !dbg !394
  %and = and i32 %2, %4, !dbg !395
  %5 = load i32, ptr %i, align 4, !dbg !396
  %idxprom1 = sext i32 %5 to i64, !dbg !397
  %arrayidx2 = getelementptr inbounds [16 x %struct.route], ptr @routes, i64 0, i64 %idxprom1, !dbg !397
  %prefix = getelementptr inbounds %struct.route, ptr %arrayidx2, i32 0, i32 0, !dbg !398
  %6 = load i32, ptr %prefix, align 16, !dbg !398
  %cmp3 = icmp eq i32 %and, %6, !dbg !399
  br i1 %cmp3, label %land.lhs.true, label %if.end, !dbg !400

land.lhs.true:                                    ; preds = %for.body
  %7 = load i32, ptr %i, align 4, !dbg !401
  %idxprom4 = sext i32 %7 to i64, !dbg !402
  %arrayidx5 = getelementptr inbounds [16 x %struct.route], ptr @routes, i64 0, i64 %idxprom4, !dbg !402
  %len = getelementptr inbounds %struct.route, ptr %arrayidx5, i32 0, i32 2, !dbg !403
  %8 = load i32, ptr %len, align 8, !dbg !403
  %9 = load i32, ptr %best_len, align 4, !dbg !404
  %cmp6 = icmp sgt i32 %8, %9, !dbg !405
  br i1 %cmp6, label %if.then, label %if.end, !dbg !406

if.then:                                          ; preds = %land.lhs.true
  %10 = load i32, ptr %i, align 4, !dbg !407
  %idxprom7 = sext i32 %10 to i64, !dbg !409
  %arrayidx8 = getelementptr inbounds [16 x %struct.route], ptr @routes, i64 0, i64 %idxprom7, !dbg !409
  %len9 = getelementptr inbounds %struct.route, ptr %arrayidx8, i32 0, i32 2, !dbg !410
  %11 = load i32, ptr %len9, align 8, !dbg !410
  store i32 %11, ptr %best_len, align 4, !dbg !411
  %12 = load i32, ptr %i, align 4, !dbg !412
  %idxprom10 = sext i32 %12 to i64, !dbg !413
  %arrayidx11 = getelementptr inbounds [16 x %struct.route], ptr @routes, i64 0, i64 %idxprom10, !dbg !413
  %nh = getelementptr inbounds %struct.route, ptr %arrayidx11, i32 0, i32 3, !dbg !414
  %13 = load i32, ptr %nh, align 4, !dbg !414
  store i32 %13, ptr %best, align 4, !dbg !415
  br label %if.end, !dbg !416

if.end:                                           ; preds = %if.then, %land.lhs.true, %for.body
  br label %for.inc, !dbg !404

for.inc:                                          ; preds = %if.end
  %14 = load i32, ptr %i, align 4, !dbg !417
  %inc = add nsw i32 %14, 1, !dbg !417
  store i32 %inc, ptr %i, align 4, !dbg !417
  br label %for.cond, !dbg !418, !llvm.loop !419

for.end:                                          ; preds = %for.cond
  %15 = load i32, ptr %best, align 4, !dbg !421
  ret i32 %15, !dbg !422
}

define i32 @first_scan(i32 noundef %a, i32 noundef %n) #0 !dbg !423 {
entry:
  %a.addr = alloca i32, align 4
  %n.addr = alloca i32, align 4
  %hit = alloca i32, align 4
  %i = alloca i32, align 4
  store i32 %a, ptr %a.addr, align 4
    #dbg_declare(ptr %a.addr, !424, !DIExpression(), !425)
  store i32 %n, ptr %n.addr, align 4
    #dbg_declare(ptr %n.addr, !426, !DIExpression(), !427)
    #dbg_declare(ptr %hit, !428, !DIExpression(), !429)
  store i32 -1, ptr %hit, align 4, !dbg !429
    #dbg_declare(ptr %i, !430, !DIExpression(), !432)
  store i32 0, ptr %i, align 4, !dbg !432
  br label %for.cond, !dbg !433

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %i, align 4, !dbg !434
  %1 = load i32, ptr %n.addr, align 4, !dbg !436
  %cmp = icmp slt i32 %0, %1, !dbg !437
  br i1 %cmp, label %for.body, label %for.end, !dbg !438

for.body:                                         ; preds = %for.cond
  %2 = load i32, ptr %a.addr, align 4, !dbg !439
  %3 = load i32, ptr %i, align 4, !dbg !441
  %idxprom = sext i32 %3 to i64, !dbg !442
  %arrayidx = getelementptr inbounds [16 x %struct.route], ptr @routes, i64 0, i64 %idxprom, !dbg !442
  %mask = getelementptr inbounds %struct.route, ptr %arrayidx, i32 0, i32 1, !dbg !443
  %4 = load i32, ptr %mask, align 4, !dbg !443
  %and = and i32 %2, %4, !dbg !444
  %5 = load i32, ptr %i, align 4, !dbg !445
  %idxprom1 = sext i32 %5 to i64, !dbg !446
  %arrayidx2 = getelementptr inbounds [16 x %struct.route], ptr @routes, i64 0, i64 %idxprom1, !dbg !446
  %prefix = getelementptr inbounds %struct.route, ptr %arrayidx2, i32 0, i32 0, !dbg !447
  %6 = load i32, ptr %prefix, align 16, !dbg !447
  %cmp3 = icmp eq i32 %and, %6, !dbg !448
  br i1 %cmp3, label %if.then, label %if.end, !dbg !449

if.then:                                          ; preds = %for.body
  %7 = load i32, ptr %i, align 4, !dbg !450
  %idxprom4 = sext i32 %7 to i64, !dbg !452
  %arrayidx5 = getelementptr inbounds [16 x %struct.route], ptr @routes, i64 0, i64 %idxprom4, !dbg !452
  %nh = getelementptr inbounds %struct.route, ptr %arrayidx5, i32 0, i32 3, !dbg !453
  %8 = load i32, ptr %nh, align 4, !dbg !453
  store i32 %8, ptr %hit, align 4, !dbg !454
  br label %for.end, !dbg !455

if.end:                                           ; preds = %for.body
  br label %for.inc, !dbg !447

for.inc:                                          ; preds = %if.end
  %9 = load i32, ptr %i, align 4, !dbg !456
  %inc = add nsw i32 %9, 1, !dbg !456
  store i32 %inc, ptr %i, align 4, !dbg !456
  br label %for.cond, !dbg !457, !llvm.loop !458

for.end:                                          ; preds = %if.then, %for.cond
  %10 = load i32, ptr %hit, align 4, !dbg !460
  ret i32 %10, !dbg !461
}

define internal i32 @mix32(i32 noundef %x) #0 !dbg !462 {
entry:
  %x.addr = alloca i32, align 4
  store i32 %x, ptr %x.addr, align 4
    #dbg_declare(ptr %x.addr, !465, !DIExpression(), !466)
  %0 = load i32, ptr %x.addr, align 4, !dbg !467
  %shr = lshr i32 %0, 16, !dbg !468
  %1 = load i32, ptr %x.addr, align 4, !dbg !469
  %xor = xor i32 %1, %shr, !dbg !469
  store i32 %xor, ptr %x.addr, align 4, !dbg !469
  %2 = load i32, ptr %x.addr, align 4, !dbg !470
  %mul = mul i32 %2, 2146121005, !dbg !470
  store i32 %mul, ptr %x.addr, align 4, !dbg !470
  %3 = load i32, ptr %x.addr, align 4, !dbg !471
  %shr1 = lshr i32 %3, 15, !dbg !472
  %4 = load i32, ptr %x.addr, align 4, !dbg !473
  %xor2 = xor i32 %4, %shr1, !dbg !473
  store i32 %xor2, ptr %x.addr, align 4, !dbg !473
  %5 = load i32, ptr %x.addr, align 4, !dbg !474
  ret i32 %5, !dbg !475
}

attributes #0 = { noinline nounwind }

!llvm.dbg.cu = !{!2}
!llvm.module.flags = !{!33, !34, !35, !36, !37, !38, !39}

!0 = !DIGlobalVariableExpression(var: !1, expr: !DIExpression())
!1 = distinct !DIGlobalVariable(name: "fixed_rules", scope: !2, file: !3, line: 81, type: !31, isLocal: true, isDefinition: true)
!2 = distinct !DICompileUnit(language: DW_LANG_C11, file: !3, producer: "clang-19", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, globals: !4, splitDebugInlining: false, nameTableKind: None)
!3 = !DIFile(filename: "accel_dataflow.c", directory: "clara_passes/inputs")
!4 = !{!5, !19, !0}
!5 = !DIGlobalVariableExpression(var: !6, expr: !DIExpression())
!6 = distinct !DIGlobalVariable(name: "live_rules", scope: !2, file: !3, line: 83, type: !7, isLocal: false, isDefinition: true)
!7 = !DICompositeType(tag: DW_TAG_array_type, baseType: !8, size: 192, elements: !17)
!8 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "rule", file: !3, line: 78, size: 64, elements: !9)
!9 = !{!10, !16}
!10 = !DIDerivedType(tag: DW_TAG_member, name: "addr", scope: !8, file: !3, line: 79, baseType: !11, size: 32)
!11 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint32_t", file: !12, line: 26, baseType: !13)
!12 = !DIFile(filename: "/usr/include/x86_64-linux-gnu/bits/stdint-uintn.h", directory: "")
!13 = !DIDerivedType(tag: DW_TAG_typedef, name: "__uint32_t", file: !14, line: 42, baseType: !15)
!14 = !DIFile(filename: "/usr/include/x86_64-linux-gnu/bits/types.h", directory: "")
!15 = !DIBasicType(name: "unsigned int", size: 32, encoding: DW_ATE_unsigned)
!16 = !DIDerivedType(tag: DW_TAG_member, name: "mask", scope: !8, file: !3, line: 79, baseType: !11, size: 32, offset: 32)
!17 = !{!18}
!18 = !DISubrange(count: 3)
!19 = !DIGlobalVariableExpression(var: !20, expr: !DIExpression())
!20 = distinct !DIGlobalVariable(name: "routes", scope: !2, file: !3, line: 116, type: !21, isLocal: false, isDefinition: true)
!21 = !DICompositeType(tag: DW_TAG_array_type, baseType: !22, size: 2048, elements: !29)
!22 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "route", file: !3, line: 112, size: 128, elements: !23)
!23 = !{!24, !25, !26, !28}
!24 = !DIDerivedType(tag: DW_TAG_member, name: "prefix", scope: !22, file: !3, line: 113, baseType: !11, size: 32)
!25 = !DIDerivedType(tag: DW_TAG_member, name: "mask", scope: !22, file: !3, line: 113, baseType: !11, size: 32, offset: 32)
!26 = !DIDerivedType(tag: DW_TAG_member, name: "len", scope: !22, file: !3, line: 114, baseType: !27, size: 32, offset: 64)
!27 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
!28 = !DIDerivedType(tag: DW_TAG_member, name: "nh", scope: !22, file: !3, line: 114, baseType: !27, size: 32, offset: 96)
!29 = !{!30}
!30 = !DISubrange(count: 16)
!31 = !DICompositeType(tag: DW_TAG_array_type, baseType: !32, size: 192, elements: !17)
!32 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !8)
!33 = !{i32 7, !"Dwarf Version", i32 5}
!34 = !{i32 2, !"Debug Info Version", i32 3}
!35 = !{i32 1, !"wchar_size", i32 4}
!36 = !{i32 8, !"PIC Level", i32 2}
!37 = !{i32 7, !"PIE Level", i32 2}
!38 = !{i32 7, !"uwtable", i32 2}
!39 = !{i32 7, !"frame-pointer", i32 2}
!41 = distinct !DISubprogram(name: "crc_table", scope: !3, file: !3, line: 10, type: !42, scopeLine: 10, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !52)
!42 = !DISubroutineType(types: !43)
!43 = !{!11, !44, !49}
!44 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !45, size: 64)
!45 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !46)
!46 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint8_t", file: !12, line: 24, baseType: !47)
!47 = !DIDerivedType(tag: DW_TAG_typedef, name: "__uint8_t", file: !14, line: 38, baseType: !48)
!48 = !DIBasicType(name: "unsigned char", size: 8, encoding: DW_ATE_unsigned_char)
!49 = !DIDerivedType(tag: DW_TAG_typedef, name: "size_t", file: !50, line: 18, baseType: !51)
!50 = !DIFile(filename: "/usr/lib/llvm-19/lib/clang/19/include/__stddef_size_t.h", directory: "")
!51 = !DIBasicType(name: "unsigned long", size: 64, encoding: DW_ATE_unsigned)
!52 = !{}
!53 = !DILocalVariable(name: "p", arg: 1, scope: !41, file: !3, line: 10, type: !44)
!54 = !DILocation(line: 10, column: 35, scope: !41)
!55 = !DILocalVariable(name: "n", arg: 2, scope: !41, file: !3, line: 10, type: !49)
!56 = !DILocation(line: 10, column: 45, scope: !41)
!57 = !DILocalVariable(name: "crc", scope: !41, file: !3, line: 11, type: !11)
!58 = !DILocation(line: 11, column: 12, scope: !41)
!59 = !DILocation(line: 12, column: 3, scope: !41)
!60 = !DILocation(line: 12, column: 11, scope: !41)
!61 = !DILocation(line: 13, column: 20, scope: !41)
!62 = !DILocation(line: 13, column: 28, scope: !41)
!63 = !DILocation(line: 13, column: 26, scope: !41)
!64 = !DILocation(line: 13, column: 24, scope: !41)
!65 = !DILocation(line: 13, column: 32, scope: !41)
!66 = !DILocation(line: 13, column: 11, scope: !41)
!67 = !DILocation(line: 13, column: 43, scope: !41)
!68 = !DILocation(line: 13, column: 47, scope: !41)
!69 = !DILocation(line: 13, column: 40, scope: !41)
!70 = !DILocation(line: 13, column: 9, scope: !41)
!71 = distinct !{!71, !59, !72, !73}
!72 = !DILocation(line: 13, column: 51, scope: !41)
!73 = !{!"llvm.loop.mustprogress"}
!74 = !DILocation(line: 14, column: 11, scope: !41)
!75 = !DILocation(line: 14, column: 10, scope: !41)
!76 = !DILocation(line: 14, column: 3, scope: !41)
!77 = distinct !DISubprogram(name: "crc_bits", scope: !3, file: !3, line: 19, type: !42, scopeLine: 19, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !52)
!78 = !DILocalVariable(name: "p", arg: 1, scope: !77, file: !3, line: 19, type: !44)
!79 = !DILocation(line: 19, column: 34, scope: !77)
!80 = !DILocalVariable(name: "n", arg: 2, scope: !77, file: !3, line: 19, type: !49)
!81 = !DILocation(line: 19, column: 44, scope: !77)
!82 = !DILocalVariable(name: "crc", scope: !77, file: !3, line: 20, type: !11)
!83 = !DILocation(line: 20, column: 12, scope: !77)
!84 = !DILocalVariable(name: "i", scope: !85, file: !3, line: 21, type: !49)
!85 = distinct !DILexicalBlock(scope: !77, file: !3, line: 21, column: 3)
!86 = !DILocation(line: 21, column: 15, scope: !85)
!87 = !DILocation(line: 21, column: 8, scope: !85)
!88 = !DILocation(line: 21, column: 22, scope: !89)
!89 = distinct !DILexicalBlock(scope: !85, file: !3, line: 21, column: 3)
!90 = !DILocation(line: 21, column: 26, scope: !89)
!91 = !DILocation(line: 21, column: 24, scope: !89)
!92 = !DILocation(line: 21, column: 3, scope: !85)
!93 = !DILocation(line: 22, column: 12, scope: !94)
!94 = distinct !DILexicalBlock(scope: !89, file: !3, line: 21, column: 34)
!95 = !DILocation(line: 22, column: 14, scope: !94)
!96 = !DILocation(line: 22, column: 9, scope: !94)
!97 = !DILocalVariable(name: "k", scope: !98, file: !3, line: 23, type: !27)
!98 = distinct !DILexicalBlock(scope: !94, file: !3, line: 23, column: 5)
!99 = !DILocation(line: 23, column: 14, scope: !98)
!100 = !DILocation(line: 23, column: 10, scope: !98)
!101 = !DILocation(line: 23, column: 21, scope: !102)
!102 = distinct !DILexicalBlock(scope: !98, file: !3, line: 23, column: 5)
!103 = !DILocation(line: 23, column: 23, scope: !102)
!104 = !DILocation(line: 23, column: 5, scope: !98)
!105 = !DILocation(line: 24, column: 14, scope: !102)
!106 = !DILocation(line: 24, column: 18, scope: !102)
!107 = !DILocation(line: 24, column: 43, scope: !102)
!108 = !DILocation(line: 24, column: 47, scope: !102)
!109 = !DILocation(line: 24, column: 41, scope: !102)
!110 = !DILocation(line: 24, column: 39, scope: !102)
!111 = !DILocation(line: 24, column: 24, scope: !102)
!112 = !DILocation(line: 24, column: 11, scope: !102)
!113 = !DILocation(line: 24, column: 7, scope: !102)
!114 = !DILocation(line: 23, column: 29, scope: !102)
!115 = !DILocation(line: 23, column: 5, scope: !102)
!116 = distinct !{!116, !104, !117, !73}
!117 = !DILocation(line: 24, column: 51, scope: !98)
!118 = !DILocation(line: 25, column: 3, scope: !94)
!119 = !DILocation(line: 21, column: 30, scope: !89)
!120 = !DILocation(line: 21, column: 3, scope: !89)
!121 = distinct !{!121, !92, !122, !73}
!122 = !DILocation(line: 25, column: 3, scope: !85)
!123 = !DILocation(line: 26, column: 11, scope: !77)
!124 = !DILocation(line: 26, column: 10, scope: !77)
!125 = !DILocation(line: 26, column: 3, scope: !77)
!126 = distinct !DISubprogram(name: "trie_walk", scope: !3, file: !3, line: 35, type: !127, scopeLine: 35, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !52)
!127 = !DISubroutineType(types: !128)
!128 = !{!27, !129, !11}
!129 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !130, size: 64)
!130 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !131)
!131 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "node", file: !3, line: 31, size: 192, elements: !132)
!132 = !{!133, !138}
!133 = !DIDerivedType(tag: DW_TAG_member, name: "child", scope: !131, file: !3, line: 32, baseType: !134, size: 128)
!134 = !DICompositeType(tag: DW_TAG_array_type, baseType: !135, size: 128, elements: !136)
!135 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !131, size: 64)
!136 = !{!137}
!137 = !DISubrange(count: 2)
!138 = !DIDerivedType(tag: DW_TAG_member, name: "nh", scope: !131, file: !3, line: 33, baseType: !27, size: 32, offset: 128)
!139 = !DILocalVariable(name: "n", arg: 1, scope: !126, file: !3, line: 35, type: !129)
!140 = !DILocation(line: 35, column: 34, scope: !126)
!141 = !DILocalVariable(name: "addr", arg: 2, scope: !126, file: !3, line: 35, type: !11)
!142 = !DILocation(line: 35, column: 46, scope: !126)
!143 = !DILocalVariable(name: "best", scope: !126, file: !3, line: 36, type: !27)
!144 = !DILocation(line: 36, column: 7, scope: !126)
!145 = !DILocalVariable(name: "d", scope: !146, file: !3, line: 37, type: !27)
!146 = distinct !DILexicalBlock(scope: !126, file: !3, line: 37, column: 3)
!147 = !DILocation(line: 37, column: 12, scope: !146)
!148 = !DILocation(line: 37, column: 8, scope: !146)
!149 = !DILocation(line: 37, column: 19, scope: !150)
!150 = distinct !DILexicalBlock(scope: !146, file: !3, line: 37, column: 3)
!151 = !DILocation(line: 37, column: 21, scope: !150)
!152 = !DILocation(line: 37, column: 3, scope: !146)
!153 = !DILocation(line: 38, column: 9, scope: !154)
!154 = distinct !DILexicalBlock(scope: !155, file: !3, line: 38, column: 9)
!155 = distinct !DILexicalBlock(scope: !150, file: !3, line: 37, column: 32)
!156 = !DILocation(line: 38, column: 12, scope: !154)
!157 = !DILocation(line: 38, column: 15, scope: !154)
!158 = !DILocation(line: 38, column: 9, scope: !155)
!159 = !DILocation(line: 39, column: 14, scope: !154)
!160 = !DILocation(line: 39, column: 17, scope: !154)
!161 = !DILocation(line: 39, column: 12, scope: !154)
!162 = !DILocation(line: 39, column: 7, scope: !154)
!163 = !DILocation(line: 40, column: 9, scope: !155)
!164 = !DILocation(line: 40, column: 12, scope: !155)
!165 = !DILocation(line: 40, column: 19, scope: !155)
!166 = !DILocation(line: 40, column: 33, scope: !155)
!167 = !DILocation(line: 40, column: 31, scope: !155)
!168 = !DILocation(line: 40, column: 24, scope: !155)
!169 = !DILocation(line: 40, column: 37, scope: !155)
!170 = !DILocation(line: 40, column: 7, scope: !155)
!171 = !DILocation(line: 41, column: 10, scope: !172)
!172 = distinct !DILexicalBlock(scope: !155, file: !3, line: 41, column: 9)
!173 = !DILocation(line: 41, column: 9, scope: !155)
!174 = !DILocation(line: 42, column: 7, scope: !172)
!175 = !DILocation(line: 43, column: 3, scope: !155)
!176 = !DILocation(line: 37, column: 28, scope: !150)
!177 = !DILocation(line: 37, column: 3, scope: !150)
!178 = distinct !{!178, !152, !179, !73}
!179 = !DILocation(line: 43, column: 3, scope: !146)
!180 = !DILocation(line: 44, column: 10, scope: !126)
!181 = !DILocation(line: 44, column: 3, scope: !126)
!182 = distinct !DISubprogram(name: "mix3", scope: !3, file: !3, line: 48, type: !183, scopeLine: 48, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !52)
!183 = !DISubroutineType(types: !184)
!184 = !{!11, !185, !11}
!185 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !186, size: 64)
!186 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !11)
!187 = !DILocalVariable(name: "w", arg: 1, scope: !182, file: !3, line: 48, type: !185)
!188 = !DILocation(line: 48, column: 31, scope: !182)
!189 = !DILocalVariable(name: "h", arg: 2, scope: !182, file: !3, line: 48, type: !11)
!190 = !DILocation(line: 48, column: 43, scope: !182)
!191 = !DILocalVariable(name: "i", scope: !192, file: !3, line: 49, type: !27)
!192 = distinct !DILexicalBlock(scope: !182, file: !3, line: 49, column: 3)
!193 = !DILocation(line: 49, column: 12, scope: !192)
!194 = !DILocation(line: 49, column: 8, scope: !192)
!195 = !DILocation(line: 49, column: 19, scope: !196)
!196 = distinct !DILexicalBlock(scope: !192, file: !3, line: 49, column: 3)
!197 = !DILocation(line: 49, column: 21, scope: !196)
!198 = !DILocation(line: 49, column: 3, scope: !192)
!199 = !DILocation(line: 50, column: 10, scope: !200)
!200 = distinct !DILexicalBlock(scope: !196, file: !3, line: 49, column: 31)
!201 = !DILocation(line: 50, column: 12, scope: !200)
!202 = !DILocation(line: 50, column: 7, scope: !200)
!203 = !DILocation(line: 51, column: 7, scope: !200)
!204 = !DILocation(line: 52, column: 10, scope: !200)
!205 = !DILocation(line: 52, column: 12, scope: !200)
!206 = !DILocation(line: 52, column: 21, scope: !200)
!207 = !DILocation(line: 52, column: 23, scope: !200)
!208 = !DILocation(line: 52, column: 18, scope: !200)
!209 = !DILocation(line: 52, column: 7, scope: !200)
!210 = !DILocation(line: 53, column: 3, scope: !200)
!211 = !DILocation(line: 49, column: 27, scope: !196)
!212 = !DILocation(line: 49, column: 3, scope: !196)
!213 = distinct !{!213, !198, !214, !73}
!214 = !DILocation(line: 53, column: 3, scope: !192)
!215 = !DILocation(line: 54, column: 10, scope: !182)
!216 = !DILocation(line: 54, column: 3, scope: !182)
!217 = distinct !DISubprogram(name: "byte_sum", scope: !3, file: !3, line: 58, type: !42, scopeLine: 58, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !52)
!218 = !DILocalVariable(name: "p", arg: 1, scope: !217, file: !3, line: 58, type: !44)
!219 = !DILocation(line: 58, column: 34, scope: !217)
!220 = !DILocalVariable(name: "n", arg: 2, scope: !217, file: !3, line: 58, type: !49)
!221 = !DILocation(line: 58, column: 44, scope: !217)
!222 = !DILocalVariable(name: "s", scope: !217, file: !3, line: 59, type: !11)
!223 = !DILocation(line: 59, column: 12, scope: !217)
!224 = !DILocalVariable(name: "i", scope: !225, file: !3, line: 60, type: !49)
!225 = distinct !DILexicalBlock(scope: !217, file: !3, line: 60, column: 3)
!226 = !DILocation(line: 60, column: 15, scope: !225)
!227 = !DILocation(line: 60, column: 8, scope: !225)
!228 = !DILocation(line: 60, column: 22, scope: !229)
!229 = distinct !DILexicalBlock(scope: !225, file: !3, line: 60, column: 3)
!230 = !DILocation(line: 60, column: 26, scope: !229)
!231 = !DILocation(line: 60, column: 24, scope: !229)
!232 = !DILocation(line: 60, column: 3, scope: !225)
!233 = !DILocation(line: 61, column: 10, scope: !229)
!234 = !DILocation(line: 61, column: 12, scope: !229)
!235 = !DILocation(line: 61, column: 7, scope: !229)
!236 = !DILocation(line: 61, column: 5, scope: !229)
!237 = !DILocation(line: 60, column: 30, scope: !229)
!238 = !DILocation(line: 60, column: 3, scope: !229)
!239 = distinct !{!239, !232, !240, !73}
!240 = !DILocation(line: 61, column: 13, scope: !225)
!241 = !DILocation(line: 62, column: 10, scope: !217)
!242 = !DILocation(line: 62, column: 3, scope: !217)
!243 = distinct !DISubprogram(name: "handler", scope: !3, file: !3, line: 73, type: !244, scopeLine: 73, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !52)
!244 = !DISubroutineType(types: !245)
!245 = !{!11, !185}
!246 = !DILocalVariable(name: "w", arg: 1, scope: !243, file: !3, line: 73, type: !185)
!247 = !DILocation(line: 73, column: 34, scope: !243)
!248 = !DILocation(line: 73, column: 57, scope: !243)
!249 = !DILocation(line: 73, column: 46, scope: !243)
!250 = !DILocation(line: 73, column: 63, scope: !243)
!251 = !DILocation(line: 73, column: 39, scope: !243)
!252 = distinct !DISubprogram(name: "fold_words", scope: !3, file: !3, line: 67, type: !253, scopeLine: 67, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !2, retainedNodes: !52)
!253 = !DISubroutineType(types: !254)
!254 = !{!11, !185, !27}
!255 = !DILocalVariable(name: "w", arg: 1, scope: !252, file: !3, line: 67, type: !185)
!256 = !DILocation(line: 67, column: 44, scope: !252)
!257 = !DILocalVariable(name: "n", arg: 2, scope: !252, file: !3, line: 67, type: !27)
!258 = !DILocation(line: 67, column: 51, scope: !252)
!259 = !DILocalVariable(name: "s", scope: !252, file: !3, line: 68, type: !11)
!260 = !DILocation(line: 68, column: 12, scope: !252)
!261 = !DILocalVariable(name: "i", scope: !262, file: !3, line: 69, type: !27)
!262 = distinct !DILexicalBlock(scope: !252, file: !3, line: 69, column: 3)
!263 = !DILocation(line: 69, column: 12, scope: !262)
!264 = !DILocation(line: 69, column: 8, scope: !262)
!265 = !DILocation(line: 69, column: 19, scope: !266)
!266 = distinct !DILexicalBlock(scope: !262, file: !3, line: 69, column: 3)
!267 = !DILocation(line: 69, column: 23, scope: !266)
!268 = !DILocation(line: 69, column: 21, scope: !266)
!269 = !DILocation(line: 69, column: 3, scope: !262)
!270 = !DILocation(line: 70, column: 10, scope: !266)
!271 = !DILocation(line: 70, column: 12, scope: !266)
!272 = !DILocation(line: 70, column: 7, scope: !266)
!273 = !DILocation(line: 70, column: 5, scope: !266)
!274 = !DILocation(line: 69, column: 27, scope: !266)
!275 = !DILocation(line: 69, column: 3, scope: !266)
!276 = distinct !{!276, !269, !277, !73}
!277 = !DILocation(line: 70, column: 13, scope: !262)
!278 = !DILocation(line: 71, column: 10, scope: !252)
!279 = !DILocation(line: 71, column: 3, scope: !252)
!280 = distinct !DISubprogram(name: "match_fixed", scope: !3, file: !3, line: 84, type: !281, scopeLine: 84, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !52)
!281 = !DISubroutineType(types: !282)
!282 = !{!27, !11}
!283 = !DILocalVariable(name: "a", arg: 1, scope: !280, file: !3, line: 84, type: !11)
!284 = !DILocation(line: 84, column: 26, scope: !280)
!285 = !DILocalVariable(name: "i", scope: !286, file: !3, line: 85, type: !27)
!286 = distinct !DILexicalBlock(scope: !280, file: !3, line: 85, column: 3)
!287 = !DILocation(line: 85, column: 12, scope: !286)
!288 = !DILocation(line: 85, column: 8, scope: !286)
!289 = !DILocation(line: 85, column: 19, scope: !290)
!290 = distinct !DILexicalBlock(scope: !286, file: !3, line: 85, column: 3)
!291 = !DILocation(line: 85, column: 21, scope: !290)
!292 = !DILocation(line: 85, column: 3, scope: !286)
!293 = !DILocation(line: 86, column: 10, scope: !294)
!294 = distinct !DILexicalBlock(scope: !290, file: !3, line: 86, column: 9)
!295 = !DILocation(line: 86, column: 26, scope: !294)
!296 = !DILocation(line: 86, column: 14, scope: !294)
!297 = !DILocation(line: 86, column: 29, scope: !294)
!298 = !DILocation(line: 86, column: 12, scope: !294)
!299 = !DILocation(line: 86, column: 50, scope: !294)
!300 = !DILocation(line: 86, column: 38, scope: !294)
!301 = !DILocation(line: 86, column: 53, scope: !294)
!302 = !DILocation(line: 86, column: 35, scope: !294)
!303 = !DILocation(line: 86, column: 9, scope: !290)
!304 = !DILocation(line: 87, column: 14, scope: !294)
!305 = !DILocation(line: 87, column: 7, scope: !294)
!306 = !DILocation(line: 85, column: 27, scope: !290)
!307 = !DILocation(line: 85, column: 3, scope: !290)
!308 = distinct !{!308, !292, !309, !73}
!309 = !DILocation(line: 87, column: 14, scope: !286)
!310 = !DILocation(line: 88, column: 3, scope: !280)
!311 = !DILocation(line: 89, column: 1, scope: !280)
!312 = distinct !DISubprogram(name: "match_live", scope: !3, file: !3, line: 90, type: !281, scopeLine: 90, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !52)
!313 = !DILocalVariable(name: "a", arg: 1, scope: !312, file: !3, line: 90, type: !11)
!314 = !DILocation(line: 90, column: 25, scope: !312)
!315 = !DILocalVariable(name: "i", scope: !316, file: !3, line: 91, type: !27)
!316 = distinct !DILexicalBlock(scope: !312, file: !3, line: 91, column: 3)
!317 = !DILocation(line: 91, column: 12, scope: !316)
!318 = !DILocation(line: 91, column: 8, scope: !316)
!319 = !DILocation(line: 91, column: 19, scope: !320)
!320 = distinct !DILexicalBlock(scope: !316, file: !3, line: 91, column: 3)
!321 = !DILocation(line: 91, column: 21, scope: !320)
!322 = !DILocation(line: 91, column: 3, scope: !316)
!323 = !DILocation(line: 92, column: 10, scope: !324)
!324 = distinct !DILexicalBlock(scope: !320, file: !3, line: 92, column: 9)
!325 = !DILocation(line: 92, column: 25, scope: !324)
!326 = !DILocation(line: 92, column: 14, scope: !324)
!327 = !DILocation(line: 92, column: 28, scope: !324)
!328 = !DILocation(line: 92, column: 12, scope: !324)
!329 = !DILocation(line: 92, column: 48, scope: !324)
!330 = !DILocation(line: 92, column: 37, scope: !324)
!331 = !DILocation(line: 92, column: 51, scope: !324)
!332 = !DILocation(line: 92, column: 34, scope: !324)
!333 = !DILocation(line: 92, column: 9, scope: !320)
!334 = !DILocation(line: 93, column: 14, scope: !324)
!335 = !DILocation(line: 93, column: 7, scope: !324)
!336 = !DILocation(line: 91, column: 27, scope: !320)
!337 = !DILocation(line: 91, column: 3, scope: !320)
!338 = distinct !{!338, !322, !339, !73}
!339 = !DILocation(line: 93, column: 14, scope: !316)
!340 = !DILocation(line: 94, column: 3, scope: !312)
!341 = !DILocation(line: 95, column: 1, scope: !312)
!342 = distinct !DISubprogram(name: "pick", scope: !3, file: !3, line: 107, type: !343, scopeLine: 107, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !52)
!343 = !DISubroutineType(types: !344)
!344 = !{!11, !11, !11, !11}
!345 = !DILocalVariable(name: "a", arg: 1, scope: !342, file: !3, line: 107, type: !11)
!346 = !DILocation(line: 107, column: 24, scope: !342)
!347 = !DILocalVariable(name: "b", arg: 2, scope: !342, file: !3, line: 107, type: !11)
!348 = !DILocation(line: 107, column: 36, scope: !342)
!349 = !DILocalVariable(name: "n", arg: 3, scope: !342, file: !3, line: 107, type: !11)
!350 = !DILocation(line: 107, column: 48, scope: !342)
!351 = !DILocation(line: 107, column: 70, scope: !342)
!352 = !DILocation(line: 107, column: 73, scope: !342)
!353 = !DILocation(line: 107, column: 60, scope: !342)
!354 = !DILocation(line: 107, column: 78, scope: !342)
!355 = !DILocation(line: 107, column: 76, scope: !342)
!356 = !DILocation(line: 107, column: 53, scope: !342)
!357 = distinct !DISubprogram(name: "hash_pair", scope: !3, file: !3, line: 106, type: !358, scopeLine: 106, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !2, retainedNodes: !52)
!358 = !DISubroutineType(types: !359)
!359 = !{!11, !11, !11}
!360 = !DILocalVariable(name: "a", arg: 1, scope: !357, file: !3, line: 106, type: !11)
!361 = !DILocation(line: 106, column: 36, scope: !357)
!362 = !DILocalVariable(name: "b", arg: 2, scope: !357, file: !3, line: 106, type: !11)
!363 = !DILocation(line: 106, column: 48, scope: !357)
!364 = !DILocation(line: 106, column: 66, scope: !357)
!365 = !DILocation(line: 106, column: 76, scope: !357)
!366 = !DILocation(line: 106, column: 70, scope: !357)
!367 = !DILocation(line: 106, column: 68, scope: !357)
!368 = !DILocation(line: 106, column: 60, scope: !357)
!369 = !DILocation(line: 106, column: 53, scope: !357)
!370 = distinct !DISubprogram(name: "lpm_scan", scope: !3, file: !3, line: 117, type: !371, scopeLine: 117, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !52)
!371 = !DISubroutineType(types: !372)
!372 = !{!27, !11, !27}
!373 = !DILocalVariable(name: "a", arg: 1, scope: !370, file: !3, line: 117, type: !11)
!374 = !DILocation(line: 117, column: 23, scope: !370)
!375 = !DILocalVariable(name: "n", arg: 2, scope: !370, file: !3, line: 117, type: !27)
!376 = !DILocation(line: 117, column: 30, scope: !370)
!377 = !DILocalVariable(name: "best", scope: !370, file: !3, line: 118, type: !27)
!378 = !DILocation(line: 118, column: 7, scope: !370)
!379 = !DILocalVariable(name: "best_len", scope: !370, file: !3, line: 118, type: !27)
!380 = !DILocation(line: 118, column: 18, scope: !370)
!381 = !DILocalVariable(name: "i", scope: !382, file: !3, line: 119, type: !27)
!382 = distinct !DILexicalBlock(scope: !370, file: !3, line: 119, column: 3)
!383 = !DILocation(line: 119, column: 12, scope: !382)
!384 = !DILocation(line: 119, column: 8, scope: !382)
!385 = !DILocation(line: 119, column: 19, scope: !386)
!386 = distinct !DILexicalBlock(scope: !382, file: !3, line: 119, column: 3)
!387 = !DILocation(line: 119, column: 23, scope: !386)
!388 = !DILocation(line: 119, column: 21, scope: !386)
!389 = !DILocation(line: 119, column: 3, scope: !382)
!390 = !DILocation(line: 120, column: 10, scope: !391)
!391 = distinct !DILexicalBlock(scope: !386, file: !3, line: 120, column: 9)
!392 = !DILocation(line: 120, column: 21, scope: !391)
!393 = !DILocation(line: 120, column: 14, scope: !391)
!394 = !DILocation(line: 120, column: 24, scope: !391)
!395 = !DILocation(line: 120, column: 12, scope: !391)
!396 = !DILocation(line: 120, column: 40, scope: !391)
!397 = !DILocation(line: 120, column: 33, scope: !391)
!398 = !DILocation(line: 120, column: 43, scope: !391)
!399 = !DILocation(line: 120, column: 30, scope: !391)
!400 = !DILocation(line: 120, column: 50, scope: !391)
!401 = !DILocation(line: 120, column: 60, scope: !391)
!402 = !DILocation(line: 120, column: 53, scope: !391)
!403 = !DILocation(line: 120, column: 63, scope: !391)
!404 = !DILocation(line: 120, column: 69, scope: !391)
!405 = !DILocation(line: 120, column: 67, scope: !391)
!406 = !DILocation(line: 120, column: 9, scope: !386)
!407 = !DILocation(line: 121, column: 25, scope: !408)
!408 = distinct !DILexicalBlock(scope: !391, file: !3, line: 120, column: 79)
!409 = !DILocation(line: 121, column: 18, scope: !408)
!410 = !DILocation(line: 121, column: 28, scope: !408)
!411 = !DILocation(line: 121, column: 16, scope: !408)
!412 = !DILocation(line: 122, column: 21, scope: !408)
!413 = !DILocation(line: 122, column: 14, scope: !408)
!414 = !DILocation(line: 122, column: 24, scope: !408)
!415 = !DILocation(line: 122, column: 12, scope: !408)
!416 = !DILocation(line: 123, column: 5, scope: !408)
!417 = !DILocation(line: 119, column: 27, scope: !386)
!418 = !DILocation(line: 119, column: 3, scope: !386)
!419 = distinct !{!419, !389, !420, !73}
!420 = !DILocation(line: 123, column: 5, scope: !382)
!421 = !DILocation(line: 124, column: 10, scope: !370)
!422 = !DILocation(line: 124, column: 3, scope: !370)
!423 = distinct !DISubprogram(name: "first_scan", scope: !3, file: !3, line: 126, type: !371, scopeLine: 126, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !52)
!424 = !DILocalVariable(name: "a", arg: 1, scope: !423, file: !3, line: 126, type: !11)
!425 = !DILocation(line: 126, column: 25, scope: !423)
!426 = !DILocalVariable(name: "n", arg: 2, scope: !423, file: !3, line: 126, type: !27)
!427 = !DILocation(line: 126, column: 32, scope: !423)
!428 = !DILocalVariable(name: "hit", scope: !423, file: !3, line: 127, type: !27)
!429 = !DILocation(line: 127, column: 7, scope: !423)
!430 = !DILocalVariable(name: "i", scope: !431, file: !3, line: 128, type: !27)
!431 = distinct !DILexicalBlock(scope: !423, file: !3, line: 128, column: 3)
!432 = !DILocation(line: 128, column: 12, scope: !431)
!433 = !DILocation(line: 128, column: 8, scope: !431)
!434 = !DILocation(line: 128, column: 19, scope: !435)
!435 = distinct !DILexicalBlock(scope: !431, file: !3, line: 128, column: 3)
!436 = !DILocation(line: 128, column: 23, scope: !435)
!437 = !DILocation(line: 128, column: 21, scope: !435)
!438 = !DILocation(line: 128, column: 3, scope: !431)
!439 = !DILocation(line: 129, column: 10, scope: !440)
!440 = distinct !DILexicalBlock(scope: !435, file: !3, line: 129, column: 9)
!441 = !DILocation(line: 129, column: 21, scope: !440)
!442 = !DILocation(line: 129, column: 14, scope: !440)
!443 = !DILocation(line: 129, column: 24, scope: !440)
!444 = !DILocation(line: 129, column: 12, scope: !440)
!445 = !DILocation(line: 129, column: 40, scope: !440)
!446 = !DILocation(line: 129, column: 33, scope: !440)
!447 = !DILocation(line: 129, column: 43, scope: !440)
!448 = !DILocation(line: 129, column: 30, scope: !440)
!449 = !DILocation(line: 129, column: 9, scope: !435)
!450 = !DILocation(line: 130, column: 20, scope: !451)
!451 = distinct !DILexicalBlock(scope: !440, file: !3, line: 129, column: 51)
!452 = !DILocation(line: 130, column: 13, scope: !451)
!453 = !DILocation(line: 130, column: 23, scope: !451)
!454 = !DILocation(line: 130, column: 11, scope: !451)
!455 = !DILocation(line: 131, column: 7, scope: !451)
!456 = !DILocation(line: 128, column: 27, scope: !435)
!457 = !DILocation(line: 128, column: 3, scope: !435)
!458 = distinct !{!458, !438, !459, !73}
!459 = !DILocation(line: 132, column: 5, scope: !431)
!460 = !DILocation(line: 133, column: 10, scope: !423)
!461 = !DILocation(line: 133, column: 3, scope: !423)
!462 = distinct !DISubprogram(name: "mix32", scope: !3, file: !3, line: 100, type: !463, scopeLine: 100, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !2, retainedNodes: !52)
!463 = !DISubroutineType(types: !464)
!464 = !{!11, !11}
!465 = !DILocalVariable(name: "x", arg: 1, scope: !462, file: !3, line: 100, type: !11)
!466 = !DILocation(line: 100, column: 32, scope: !462)
!467 = !DILocation(line: 101, column: 8, scope: !462)
!468 = !DILocation(line: 101, column: 10, scope: !462)
!469 = !DILocation(line: 101, column: 5, scope: !462)
!470 = !DILocation(line: 102, column: 5, scope: !462)
!471 = !DILocation(line: 103, column: 8, scope: !462)
!472 = !DILocation(line: 103, column: 10, scope: !462)
!473 = !DILocation(line: 103, column: 5, scope: !462)
!474 = !DILocation(line: 104, column: 10, scope: !462)
!475 = !DILocation(line: 104, column: 3, scope: !462)
