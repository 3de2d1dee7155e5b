; FILE: clara_passes/test/Inputs/accel_dataflow.ll (generated from clara_passes/inputs/accel_dataflow.c by regen.sh)
; Shared input of the clara_passes lit tests; not a test itself.
; ModuleID = 'accel_dataflow.c'
source_filename = "accel_dataflow.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.rule = type { i32, i32 }
%struct.node = type { [2 x ptr], i32 }

@crc_tab = external constant [256 x i32], align 16
@fixed_rules = internal constant [3 x %struct.rule] [%struct.rule { i32 167772160, i32 -16777216 }, %struct.rule { i32 -1408237568, i32 -1048576 }, %struct.rule { i32 -1062731776, i32 -65536 }], align 16, !dbg !0
@live_rules = global [3 x %struct.rule] zeroinitializer, align 16, !dbg !5

define i32 @crc_table(ptr noundef %p, i64 noundef %n) #0 !dbg !29 {
entry:
  %p.addr = alloca ptr, align 8
  %n.addr = alloca i64, align 8
  %crc = alloca i32, align 4
  store ptr %p, ptr %p.addr, align 8
    #dbg_declare(ptr %p.addr, !41, !DIExpression(), !42)
  store i64 %n, ptr %n.addr, align 8
    #dbg_declare(ptr %n.addr, !43, !DIExpression(), !44)
    #dbg_declare(ptr %crc, !45, !DIExpression(), !46)
  store i32 -1, ptr %crc, align 4, !dbg !46
  br label %while.cond, !dbg !47

while.cond:                                       ; preds = %while.body, %entry
  %0 = load i64, ptr %n.addr, align 8, !dbg !48
  %dec = add i64 %0, -1, !dbg !48
  store i64 %dec, ptr %n.addr, align 8, !dbg !48
  %tobool = icmp ne i64 %0, 0, !dbg !47
  br i1 %tobool, label %while.body, label %while.end, !dbg !47

while.body:                                       ; preds = %while.cond
  %1 = load i32, ptr %crc, align 4, !dbg !49
  %2 = load ptr, ptr %p.addr, align 8, !dbg !50
  %incdec.ptr = getelementptr inbounds i8, ptr %2, i32 1, !dbg !50
  store ptr %incdec.ptr, ptr %p.addr, align 8, !dbg !50
  %3 = load i8, ptr %2, align 1, !dbg !51
  %conv = zext i8 %3 to i32, !dbg !51
  %xor = xor i32 %1, %conv, !dbg !52
  %and = and i32 %xor, 255, !dbg !53
  %idxprom = zext i32 %and to i64, !dbg !54
  %arrayidx = getelementptr inbounds [256 x i32], ptr @crc_tab, i64 0, i64 %idxprom, !dbg !54
  %4 = load i32, ptr %arrayidx, align 4, !dbg !54
  %5 = load i32, ptr %crc, align 4, !dbg !55
  %shr = lshr i32 %5, 8, !dbg !56
  %xor1 = xor i32 %4, %shr, !dbg !57
  store i32 %xor1, ptr %crc, align 4, !dbg !58
  br label %while.cond, !dbg !47, !llvm.loop !59

while.end:                                        ; preds = %while.cond
  %6 = load i32, ptr %crc, align 4, !dbg !62
  %not = xor i32 %6, -1, !dbg !63
  ret i32 %not, !dbg !64
}

define i32 @crc_bits(ptr noundef %p, i64 noundef %n) #0 !dbg !65 {
entry:
  %p.addr = alloca ptr, align 8
  %n.addr = alloca i64, align 8
  %crc = alloca i32, align 4
  %i = alloca i64, align 8
  %k = alloca i32, align 4
  store ptr %p, ptr %p.addr, align 8
    #dbg_declare(ptr %p.addr, !66, !DIExpression(), !67)
  store i64 %n, ptr %n.addr, align 8
    #dbg_declare(ptr %n.addr, !68, !DIExpression(), !69)
    #dbg_declare(ptr %crc, !70, !DIExpression(), !71)
  store i32 -1, ptr %crc, align 4, !dbg !71
    #dbg_declare(ptr %i, !72, !DIExpression(), !74)
  store i64 0, ptr %i, align 8, !dbg !74
  br label %for.cond, !dbg !75

for.cond:                                         ; preds = %for.inc7, %entry
  %0 = load i64, ptr %i, align 8, !dbg !76
  %1 = load i64, ptr %n.addr, align 8, !dbg !78
  %cmp = icmp ult i64 %0, %1, !dbg !79
  br i1 %cmp, label %for.body, label %for.end9, !dbg !80

for.body:                                         ; preds = %for.cond
  %2 = load ptr, ptr %p.addr, align 8, !dbg !81
  %3 = load i64, ptr %i, align 8, !dbg !83
  %arrayidx = getelementptr inbounds i8, ptr %2, i64 %3, !dbg !81
  %4 = load i8, ptr %arrayidx, align 1, !dbg !81
  %conv = zext i8 %4 to i32, !dbg !81
  %5 = load i32, ptr %crc, align 4, !dbg !84
  %xor = xor i32 %5, %conv, !dbg !84
  store i32 %xor, ptr %crc, align 4, !dbg !84
    #dbg_declare(ptr %k, !85, !DIExpression(), !88)
  store i32 0, ptr %k, align 4, !dbg !88
  br label %for.cond1, !dbg !89

for.cond1:                                        ; preds = %for.inc, %for.body
  %6 = load i32, ptr %k, align 4, !dbg !90
  %cmp2 = icmp slt i32 %6, 8, !dbg !92
  br i1 %cmp2, label %for.body4, label %for.end, !dbg !93

for.body4:                                        ; preds = %for.cond1
  %7 = load i32, ptr %crc, align 4, !dbg !94
  %shr = lshr i32 %7, 1, !dbg !95
  %8 = load i32, ptr %crc, align 4, !dbg !96
  %and = and i32 %8, 1, !dbg !97
  %sub = sub i32 0, %and, !dbg !98
  %and5 = and i32 -306674912, %sub, !dbg !99
  %xor6 = xor i32 %shr, %and5, !dbg !100
  store i32 %xor6, ptr %crc, align 4, !dbg !101
  br label %for.inc, !dbg !102

for.inc:                                          ; preds = %for.body4
  %9 = load i32, ptr %k, align 4, !dbg !103
  %inc = add nsw i32 %9, 1, !dbg !103
  store i32 %inc, ptr %k, align 4, !dbg !103
  br label %for.cond1, !dbg !104, !llvm.loop !105

for.end:                                          ; preds = %for.cond1
  br label %for.inc7, !dbg !107

for.inc7:                                         ; preds = %for.end
  %10 = load i64, ptr %i, align 8, !dbg !108
  %inc8 = add i64 %10, 1, !dbg !108
  store i64 %inc8, ptr %i, align 8, !dbg !108
  br label %for.cond, !dbg !109, !llvm.loop !110

for.end9:                                         ; preds = %for.cond
  %11 = load i32, ptr %crc, align 4, !dbg !112
  %not = xor i32 %11, -1, !dbg !113
  ret i32 %not, !dbg !114
}

define i32 @trie_walk(ptr noundef %n, i32 noundef %addr) #0 !dbg !115 {
entry:
  %n.addr = alloca ptr, align 8
  %addr.addr = alloca i32, align 4
  %best = alloca i32, align 4
  %d = alloca i32, align 4
  store ptr %n, ptr %n.addr, align 8
    #dbg_declare(ptr %n.addr, !128, !DIExpression(), !129)
  store i32 %addr, ptr %addr.addr, align 4
    #dbg_declare(ptr %addr.addr, !130, !DIExpression(), !131)
    #dbg_declare(ptr %best, !132, !DIExpression(), !133)
  store i32 -1, ptr %best, align 4, !dbg !133
    #dbg_declare(ptr %d, !134, !DIExpression(), !136)
  store i32 0, ptr %d, align 4, !dbg !136
  br label %for.cond, !dbg !137

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %d, align 4, !dbg !138
  %cmp = icmp slt i32 %0, 32, !dbg !140
  br i1 %cmp, label %for.body, label %for.end, !dbg !141

for.body:                                         ; preds = %for.cond
  %1 = load ptr, ptr %n.addr, align 8, !dbg !142
  %nh = getelementptr inbounds %struct.node, ptr %1, i32 0, i32 1, !dbg !145
  %2 = load i32, ptr %nh, align 8, !dbg !145
  %cmp1 = icmp sge i32 %2, 0, !dbg !146
  br i1 %cmp1, label %if.then, label %if.end, !dbg !147

if.then:                                          ; preds = %for.body
  %3 = load ptr, ptr %n.addr, align 8, !dbg !148
  %nh2 = getelementptr inbounds %struct.node, ptr %3, i32 0, i32 1, !dbg !149
  %4 = load i32, ptr %nh2, align 8, !dbg !149
  store i32 %4, ptr %best, align 4, !dbg !150
  br label %if.end, !dbg !151

if.end:                                           ; preds = %if.then, %for.body
  %5 = load ptr, ptr %n.addr, align 8, !dbg !152
  %child = getelementptr inbounds %struct.node, ptr %5, i32 0, i32 0, !dbg !153
  %6 = load i32, ptr %addr.addr, align 4, !dbg !154
  %7 = load i32, ptr %d, align 4, !dbg !155
  %sub = sub nsw i32 31, %7, !dbg !156
  %shr = lshr i32 %6, %sub, !dbg !157
  %and = and i32 %shr, 1, !dbg !158
  %idxprom = zext i32 %and to i64, !dbg !152
  %arrayidx = getelementptr inbounds [2 x ptr], ptr %child, i64 0, i64 %idxprom, !dbg !152
  %8 = load ptr, ptr %arrayidx, align 8, !dbg !152
  store ptr %8, ptr %n.addr, align 8, !dbg !159
  %9 = load ptr, ptr %n.addr, align 8, !dbg !160
  %tobool = icmp ne ptr %9, null, !dbg !160
  br i1 %tobool, label %if.end4, label %if.then3, !dbg !162

if.then3:                                         ; preds = %if.end
  br label %for.end, !dbg !163

if.end4:                                          ; preds = %if.end
  br label %for.inc, !dbg !164

for.inc:                                          ; preds = %if.end4
  %10 = load i32, ptr %d, align 4, !dbg !165
  %inc = add nsw i32 %10, 1, !dbg !165
  store i32 %inc, ptr %d, align 4, !dbg !165
  br label %for.cond, !dbg !166, !llvm.loop !167

for.end:                                          ; preds = %if.then3, %for.cond
  %11 = load i32, ptr %best, align 4, !dbg !169
  ret i32 %11, !dbg !170
}

define i32 @mix3(ptr noundef %w, i32 noundef %h) #0 !dbg !171 {
entry:
  %w.addr = alloca ptr, align 8
  %h.addr = alloca i32, align 4
  %i = alloca i32, align 4
  store ptr %w, ptr %w.addr, align 8
    #dbg_declare(ptr %w.addr, !176, !DIExpression(), !177)
  store i32 %h, ptr %h.addr, align 4
    #dbg_declare(ptr %h.addr, !178, !DIExpression(), !179)
    #dbg_declare(ptr %i, !180, !DIExpression(), !182)
  store i32 0, ptr %i, align 4, !dbg !182
  br label %for.cond, !dbg !183

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %i, align 4, !dbg !184
  %cmp = icmp slt i32 %0, 3, !dbg !186
  br i1 %cmp, label %for.body, label %for.end, !dbg !187

for.body:                                         ; preds = %for.cond
  %1 = load ptr, ptr %w.addr, align 8, !dbg !188
  %2 = load i32, ptr %i, align 4, !dbg !190
  %idxprom = sext i32 %2 to i64, !dbg !188
  %arrayidx = getelementptr inbounds i32, ptr %1, i64 %idxprom, !dbg !188
  %3 = load i32, ptr %arrayidx, align 4, !dbg !188
  %4 = load i32, ptr %h.addr, align 4, !dbg !191
  %xor = xor i32 %4, %3, !dbg !191
  store i32 %xor, ptr %h.addr, align 4, !dbg !191
  %5 = load i32, ptr %h.addr, align 4, !dbg !192
  %mul = mul i32 %5, -1640531535, !dbg !192
  store i32 %mul, ptr %h.addr, align 4, !dbg !192
  %6 = load i32, ptr %h.addr, align 4, !dbg !193
  %shl = shl i32 %6, 7, !dbg !194
  %7 = load i32, ptr %h.addr, align 4, !dbg !195
  %shr = lshr i32 %7, 25, !dbg !196
  %or = or i32 %shl, %shr, !dbg !197
  store i32 %or, ptr %h.addr, align 4, !dbg !198
  br label %for.inc, !dbg !199

for.inc:                                          ; preds = %for.body
  %8 = load i32, ptr %i, align 4, !dbg !200
  %inc = add nsw i32 %8, 1, !dbg !200
  store i32 %inc, ptr %i, align 4, !dbg !200
  br label %for.cond, !dbg !201, !llvm.loop !202

for.end:                                          ; preds = %for.cond
  %9 = load i32, ptr %h.addr, align 4, !dbg !204
  ret i32 %9, !dbg !205
}

define i32 @byte_sum(ptr noundef %p, i64 noundef %n) #0 !dbg !206 {
entry:
  %p.addr = alloca ptr, align 8
  %n.addr = alloca i64, align 8
  %s = alloca i32, align 4
  %i = alloca i64, align 8
  store ptr %p, ptr %p.addr, align 8
    #dbg_declare(ptr %p.addr, !207, !DIExpression(), !208)
  store i64 %n, ptr %n.addr, align 8
    #dbg_declare(ptr %n.addr, !209, !DIExpression(), !210)
    #dbg_declare(ptr %s, !211, !DIExpression(), !212)
  store i32 0, ptr %s, align 4, !dbg !212
    #dbg_declare(ptr %i, !213, !DIExpression(), !215)
  store i64 0, ptr %i, align 8, !dbg !215
  br label %for.cond, !dbg !216

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i64, ptr %i, align 8, !dbg !217
  %1 = load i64, ptr %n.addr, align 8, !dbg !219
  %cmp = icmp ult i64 %0, %1, !dbg !220
  br i1 %cmp, label %for.body, label %for.end, !dbg !221

for.body:                                         ; preds = %for.cond
  %2 = load ptr, ptr %p.addr, align 8, !dbg !222
  %3 = load i64, ptr %i, align 8, !dbg !223
  %arrayidx = getelementptr inbounds i8, ptr %2, i64 %3, !dbg !222
  %4 = load i8, ptr %arrayidx, align 1, !dbg !222
  %conv = zext i8 %4 to i32, !dbg !222
  %5 = load i32, ptr %s, align 4, !dbg !224
  %add = add i32 %5, %conv, !dbg !224
  store i32 %add, ptr %s, align 4, !dbg !224
  br label %for.inc, !dbg !225

for.inc:                                          ; preds = %for.body
  %6 = load i64, ptr %i, align 8, !dbg !226
  %inc = add i64 %6, 1, !dbg !226
  store i64 %inc, ptr %i, align 8, !dbg !226
  br label %for.cond, !dbg !227, !llvm.loop !228

for.end:                                          ; preds = %for.cond
  %7 = load i32, ptr %s, align 4, !dbg !230
  ret i32 %7, !dbg !231
}

define i32 @handler(ptr noundef %w) #0 !dbg !232 {
entry:
  %w.addr = alloca ptr, align 8
  store ptr %w, ptr %w.addr, align 8
    #dbg_declare(ptr %w.addr, !235, !DIExpression(), !236)
  %0 = load ptr, ptr %w.addr, align 8, !dbg !237
  %call = call i32 @fold_words(ptr noundef %0, i32 noundef 4), !dbg !238
  %add = add i32 %call, 1, !dbg !239
  ret i32 %add, !dbg !240
}

define internal i32 @fold_words(ptr noundef %w, i32 noundef %n) #0 !dbg !241 {
entry:
  %w.addr = alloca ptr, align 8
  %n.addr = alloca i32, align 4
  %s = alloca i32, align 4
  %i = alloca i32, align 4
  store ptr %w, ptr %w.addr, align 8
    #dbg_declare(ptr %w.addr, !244, !DIExpression(), !245)
  store i32 %n, ptr %n.addr, align 4
    #dbg_declare(ptr %n.addr, !246, !DIExpression(), !247)
    #dbg_declare(ptr %s, !248, !DIExpression(), !249)
  store i32 0, ptr %s, align 4, !dbg !249
    #dbg_declare(ptr %i, !250, !DIExpression(), !252)
  store i32 0, ptr %i, align 4, !dbg !252
  br label %for.cond, !dbg !253

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %i, align 4, !dbg !254
  %1 = load i32, ptr %n.addr, align 4, !dbg !256
  %cmp = icmp slt i32 %0, %1, !dbg !257
  br i1 %cmp, label %for.body, label %for.end, !dbg !258

for.body:                                         ; preds = %for.cond
  %2 = load ptr, ptr %w.addr, align 8, !dbg !259
  %3 = load i32, ptr %i, align 4, !dbg !260
  %idxprom = sext i32 %3 to i64, !dbg !259
  %arrayidx = getelementptr inbounds i32, ptr %2, i64 %idxprom, !dbg !259
  %4 = load i32, ptr %arrayidx, align 4, !dbg !259
  %5 = load i32, ptr %s, align 4, !dbg !261
  %xor = xor i32 %5, %4, !dbg !261
  store i32 %xor, ptr %s, align 4, !dbg !261
  br label %for.inc, !dbg !262

for.inc:                                          ; preds = %for.body
  %6 = load i32, ptr %i, align 4, !dbg !263
  %inc = add nsw i32 %6, 1, !dbg !263
  store i32 %inc, ptr %i, align 4, !dbg !263
  br label %for.cond, !dbg !264, !llvm.loop !265

for.end:                                          ; preds = %for.cond
  %7 = load i32, ptr %s, align 4, !dbg !267
  ret i32 %7, !dbg !268
}

define i32 @match_fixed(i32 noundef %a) #0 !dbg !269 {
entry:
  %retval = alloca i32, align 4
  %a.addr = alloca i32, align 4
  %i = alloca i32, align 4
  store i32 %a, ptr %a.addr, align 4
    #dbg_declare(ptr %a.addr, !272, !DIExpression(), !273)
    #dbg_declare(ptr %i, !274, !DIExpression(), !276)
  store i32 0, ptr %i, align 4, !dbg !276
  br label %for.cond, !dbg !277

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %i, align 4, !dbg !278
  %cmp = icmp slt i32 %0, 3, !dbg !280
  br i1 %cmp, label %for.body, label %for.end, !dbg !281

for.body:                                         ; preds = %for.cond
  %1 = load i32, ptr %a.addr, align 4, !dbg !282
  %2 = load i32, ptr %i, align 4, !dbg !284
  %idxprom = sext i32 %2 to i64, !dbg !285
  %arrayidx = getelementptr inbounds [3 x %struct.rule], ptr @fixed_rules, i64 0, i64 %idxprom, !dbg !285
  %mask = getelementptr inbounds %struct.rule, ptr %arrayidx, i32 0, i32 1, !dbg !286
  %3 = load i32, ptr %mask, align 4, !dbg !286
  %and = and i32 %1, %3, !dbg !287
  %4 = load i32, ptr %i, align 4, !dbg !288
  %idxprom1 = sext i32 %4 to i64, !dbg !289
  %arrayidx2 = getelementptr inbounds [3 x %struct.rule], ptr @fixed_rules, i64 0, i64 %idxprom1, !dbg !289
  %addr = getelementptr inbounds %struct.rule, ptr %arrayidx2, i32 0, i32 0, !dbg !290
  %5 = load i32, ptr %addr, align 8, !dbg !290
  %cmp3 = icmp eq i32 %and, %5, !dbg !291
  br i1 %cmp3, label %if.then, label %if.end, !dbg !292

if.then:                                          ; preds = %for.body
  %6 = load i32, ptr %i, align 4, !dbg !293
  store i32 %6, ptr %retval, align 4, !dbg !294
  br label %return, !dbg !294

if.end:                                           ; preds = %for.body
  br label %for.inc, !dbg !290

for.inc:                                          ; preds = %if.end
  %7 = load i32, ptr %i, align 4, !dbg !295
  %inc = add nsw i32 %7, 1, !dbg !295
  store i32 %inc, ptr %i, align 4, !dbg !295
  br label %for.cond, !dbg !296, !llvm.loop !297

for.end:                                          ; preds = %for.cond
  store i32 -1, ptr %retval, align 4, !dbg !299
  br label %return, !dbg !299

return:                                           ; preds = %for.end, %if.then
  %8 = load i32, ptr %retval, align 4, !dbg !300
  ret i32 %8, !dbg !300
}

define i32 @match_live(i32 noundef %a) #0 !dbg !301 {
entry:
  %retval = alloca i32, align 4
  %a.addr = alloca i32, align 4
  %i = alloca i32, align 4
  store i32 %a, ptr %a.addr, align 4
    #dbg_declare(ptr %a.addr, !302, !DIExpression(), !303)
    #dbg_declare(ptr %i, !304, !DIExpression(), !306)
  store i32 0, ptr %i, align 4, !dbg !306
  br label %for.cond, !dbg !307

for.cond:                                         ; preds = %for.inc, %entry
  %0 = load i32, ptr %i, align 4, !dbg !308
  %cmp = icmp slt i32 %0, 3, !dbg !310
  br i1 %cmp, label %for.body, label %for.end, !dbg !311

for.body:                                         ; preds = %for.cond
  %1 = load i32, ptr %a.addr, align 4, !dbg !312
  %2 = load i32, ptr %i, align 4, !dbg !314
  %idxprom = sext i32 %2 to i64, !dbg !315
  %arrayidx = getelementptr inbounds [3 x %struct.rule], ptr @live_rules, i64 0, i64 %idxprom, !dbg !315
  %mask = getelementptr inbounds %struct.rule, ptr %arrayidx, i32 0, i32 1, !dbg !316
  %3 = load i32, ptr %mask, align 4, !dbg !316
  %and = and i32 %1, %3, !dbg !317
  %4 = load i32, ptr %i, align 4, !dbg !318
  %idxprom1 = sext i32 %4 to i64, !dbg !319
  %arrayidx2 = getelementptr inbounds [3 x %struct.rule], ptr @live_rules, i64 0, i64 %idxprom1, !dbg !319
  %addr = getelementptr inbounds %struct.rule, ptr %arrayidx2, i32 0, i32 0, !dbg !320
  %5 = load i32, ptr %addr, align 8, !dbg !320
  %cmp3 = icmp eq i32 %and, %5, !dbg !321
  br i1 %cmp3, label %if.then, label %if.end, !dbg !322

if.then:                                          ; preds = %for.body
  %6 = load i32, ptr %i, align 4, !dbg !323
  store i32 %6, ptr %retval, align 4, !dbg !324
  br label %return, !dbg !324

if.end:                                           ; preds = %for.body
  br label %for.inc, !dbg !320

for.inc:                                          ; preds = %if.end
  %7 = load i32, ptr %i, align 4, !dbg !325
  %inc = add nsw i32 %7, 1, !dbg !325
  store i32 %inc, ptr %i, align 4, !dbg !325
  br label %for.cond, !dbg !326, !llvm.loop !327

for.end:                                          ; preds = %for.cond
  store i32 -1, ptr %retval, align 4, !dbg !329
  br label %return, !dbg !329

return:                                           ; preds = %for.end, %if.then
  %8 = load i32, ptr %retval, align 4, !dbg !330
  ret i32 %8, !dbg !330
}

define i32 @pick(i32 noundef %a, i32 noundef %b, i32 noundef %n) #0 !dbg !331 {
entry:
  %a.addr = alloca i32, align 4
  %b.addr = alloca i32, align 4
  %n.addr = alloca i32, align 4
  store i32 %a, ptr %a.addr, align 4
    #dbg_declare(ptr %a.addr, !334, !DIExpression(), !335)
  store i32 %b, ptr %b.addr, align 4
    #dbg_declare(ptr %b.addr, !336, !DIExpression(), !337)
  store i32 %n, ptr %n.addr, align 4
    #dbg_declare(ptr %n.addr, !338, !DIExpression(), !339)
  %0 = load i32, ptr %a.addr, align 4, !dbg !340
  %1 = load i32, ptr %b.addr, align 4, !dbg !341
  %call = call i32 @hash_pair(i32 noundef %0, i32 noundef %1), !dbg !342
  %2 = load i32, ptr %n.addr, align 4, !dbg !343
  %rem = urem i32 %call, %2, !dbg !344
  ret i32 %rem, !dbg !345
}

define internal i32 @hash_pair(i32 noundef %a, i32 noundef %b) #0 !dbg !346 {
entry:
  %a.addr = alloca i32, align 4
  %b.addr = alloca i32, align 4
  store i32 %a, ptr %a.addr, align 4
    #dbg_declare(ptr %a.addr, !349, !DIExpression(), !350)
  store i32 %b, ptr %b.addr, align 4
    #dbg_declare(ptr %b.addr, !351, !DIExpression(), !352)
  %0 = load i32, ptr %a.addr, align 4, !dbg !353
  %1 = load i32, ptr %b.addr, align 4, !dbg !354
  %call = call i32 @mix32(i32 noundef %1), !dbg !355
  %xor = xor i32 %0, %call, !dbg !356
  %call1 = call i32 @mix32(i32 noundef %xor), !dbg !357
  ret i32 %call1, !dbg !358
}

define internal i32 @mix32(i32 noundef %x) #0 !dbg !359 {
entry:
  %x.addr = alloca i32, align 4
  store i32 %x, ptr %x.addr, align 4
    #dbg_declare(ptr %x.addr, !362, !DIExpression(), !363)
  %0 = load i32, ptr %x.addr, align 4, !dbg !364
  %shr = lshr i32 %0, 16, !dbg !365
  %1 = load i32, ptr %x.addr, align 4, !dbg !366
  %xor = xor i32 %1, %shr, !dbg !366
  store i32 %xor, ptr %x.addr, align 4, !dbg !366
  %2 = load i32, ptr %x.addr, align 4, !dbg !367
  %mul = mul i32 %2, 2146121005, !dbg !367
  store i32 %mul, ptr %x.addr, align 4, !dbg !367
  %3 = load i32, ptr %x.addr, align 4, !dbg !368
  %shr1 = lshr i32 %3, 15, !dbg !369
  %4 = load i32, ptr %x.addr, align 4, !dbg !370
  %xor2 = xor i32 %4, %shr1, !dbg !370
  store i32 %xor2, ptr %x.addr, align 4, !dbg !370
  %5 = load i32, ptr %x.addr, align 4, !dbg !371
  ret i32 %5, !dbg !372
}

attributes #0 = { noinline nounwind }

!llvm.dbg.cu = !{!2}
!llvm.module.flags = !{!21, !22, !23, !24, !25, !26, !27}

!0 = !DIGlobalVariableExpression(var: !1, expr: !DIExpression())
!1 = distinct !DIGlobalVariable(name: "fixed_rules", scope: !2, file: !3, line: 81, type: !19, isLocal: true, isDefinition: true)
!2 = distinct !DICompileUnit(language: DW_LANG_C11, file: !3, producer: "clang-19", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, globals: !4, splitDebugInlining: false, nameTableKind: None)
!3 = !DIFile(filename: "accel_dataflow.c", directory: "clara_passes/inputs")
!4 = !{!5, !0}
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
!19 = !DICompositeType(tag: DW_TAG_array_type, baseType: !20, size: 192, elements: !17)
!20 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !8)
!21 = !{i32 7, !"Dwarf Version", i32 5}
!22 = !{i32 2, !"Debug Info Version", i32 3}
!23 = !{i32 1, !"wchar_size", i32 4}
!24 = !{i32 8, !"PIC Level", i32 2}
!25 = !{i32 7, !"PIE Level", i32 2}
!26 = !{i32 7, !"uwtable", i32 2}
!27 = !{i32 7, !"frame-pointer", i32 2}
!29 = distinct !DISubprogram(name: "crc_table", scope: !3, file: !3, line: 10, type: !30, scopeLine: 10, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !40)
!30 = !DISubroutineType(types: !31)
!31 = !{!11, !32, !37}
!32 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !33, size: 64)
!33 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !34)
!34 = !DIDerivedType(tag: DW_TAG_typedef, name: "uint8_t", file: !12, line: 24, baseType: !35)
!35 = !DIDerivedType(tag: DW_TAG_typedef, name: "__uint8_t", file: !14, line: 38, baseType: !36)
!36 = !DIBasicType(name: "unsigned char", size: 8, encoding: DW_ATE_unsigned_char)
!37 = !DIDerivedType(tag: DW_TAG_typedef, name: "size_t", file: !38, line: 18, baseType: !39)
!38 = !DIFile(filename: "/usr/lib/llvm-19/lib/clang/19/include/__stddef_size_t.h", directory: "")
!39 = !DIBasicType(name: "unsigned long", size: 64, encoding: DW_ATE_unsigned)
!40 = !{}
!41 = !DILocalVariable(name: "p", arg: 1, scope: !29, file: !3, line: 10, type: !32)
!42 = !DILocation(line: 10, column: 35, scope: !29)
!43 = !DILocalVariable(name: "n", arg: 2, scope: !29, file: !3, line: 10, type: !37)
!44 = !DILocation(line: 10, column: 45, scope: !29)
!45 = !DILocalVariable(name: "crc", scope: !29, file: !3, line: 11, type: !11)
!46 = !DILocation(line: 11, column: 12, scope: !29)
!47 = !DILocation(line: 12, column: 3, scope: !29)
!48 = !DILocation(line: 12, column: 11, scope: !29)
!49 = !DILocation(line: 13, column: 20, scope: !29)
!50 = !DILocation(line: 13, column: 28, scope: !29)
!51 = !DILocation(line: 13, column: 26, scope: !29)
!52 = !DILocation(line: 13, column: 24, scope: !29)
!53 = !DILocation(line: 13, column: 32, scope: !29)
!54 = !DILocation(line: 13, column: 11, scope: !29)
!55 = !DILocation(line: 13, column: 43, scope: !29)
!56 = !DILocation(line: 13, column: 47, scope: !29)
!57 = !DILocation(line: 13, column: 40, scope: !29)
!58 = !DILocation(line: 13, column: 9, scope: !29)
!59 = distinct !{!59, !47, !60, !61}
!60 = !DILocation(line: 13, column: 51, scope: !29)
!61 = !{!"llvm.loop.mustprogress"}
!62 = !DILocation(line: 14, column: 11, scope: !29)
!63 = !DILocation(line: 14, column: 10, scope: !29)
!64 = !DILocation(line: 14, column: 3, scope: !29)
!65 = distinct !DISubprogram(name: "crc_bits", scope: !3, file: !3, line: 19, type: !30, scopeLine: 19, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !40)
!66 = !DILocalVariable(name: "p", arg: 1, scope: !65, file: !3, line: 19, type: !32)
!67 = !DILocation(line: 19, column: 34, scope: !65)
!68 = !DILocalVariable(name: "n", arg: 2, scope: !65, file: !3, line: 19, type: !37)
!69 = !DILocation(line: 19, column: 44, scope: !65)
!70 = !DILocalVariable(name: "crc", scope: !65, file: !3, line: 20, type: !11)
!71 = !DILocation(line: 20, column: 12, scope: !65)
!72 = !DILocalVariable(name: "i", scope: !73, file: !3, line: 21, type: !37)
!73 = distinct !DILexicalBlock(scope: !65, file: !3, line: 21, column: 3)
!74 = !DILocation(line: 21, column: 15, scope: !73)
!75 = !DILocation(line: 21, column: 8, scope: !73)
!76 = !DILocation(line: 21, column: 22, scope: !77)
!77 = distinct !DILexicalBlock(scope: !73, file: !3, line: 21, column: 3)
!78 = !DILocation(line: 21, column: 26, scope: !77)
!79 = !DILocation(line: 21, column: 24, scope: !77)
!80 = !DILocation(line: 21, column: 3, scope: !73)
!81 = !DILocation(line: 22, column: 12, scope: !82)
!82 = distinct !DILexicalBlock(scope: !77, file: !3, line: 21, column: 34)
!83 = !DILocation(line: 22, column: 14, scope: !82)
!84 = !DILocation(line: 22, column: 9, scope: !82)
!85 = !DILocalVariable(name: "k", scope: !86, file: !3, line: 23, type: !87)
!86 = distinct !DILexicalBlock(scope: !82, file: !3, line: 23, column: 5)
!87 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
!88 = !DILocation(line: 23, column: 14, scope: !86)
!89 = !DILocation(line: 23, column: 10, scope: !86)
!90 = !DILocation(line: 23, column: 21, scope: !91)
!91 = distinct !DILexicalBlock(scope: !86, file: !3, line: 23, column: 5)
!92 = !DILocation(line: 23, column: 23, scope: !91)
!93 = !DILocation(line: 23, column: 5, scope: !86)
!94 = !DILocation(line: 24, column: 14, scope: !91)
!95 = !DILocation(line: 24, column: 18, scope: !91)
!96 = !DILocation(line: 24, column: 43, scope: !91)
!97 = !DILocation(line: 24, column: 47, scope: !91)
!98 = !DILocation(line: 24, column: 41, scope: !91)
!99 = !DILocation(line: 24, column: 39, scope: !91)
!100 = !DILocation(line: 24, column: 24, scope: !91)
!101 = !DILocation(line: 24, column: 11, scope: !91)
!102 = !DILocation(line: 24, column: 7, scope: !91)
!103 = !DILocation(line: 23, column: 29, scope: !91)
!104 = !DILocation(line: 23, column: 5, scope: !91)
!105 = distinct !{!105, !93, !106, !61}
!106 = !DILocation(line: 24, column: 51, scope: !86)
!107 = !DILocation(line: 25, column: 3, scope: !82)
!108 = !DILocation(line: 21, column: 30, scope: !77)
!109 = !DILocation(line: 21, column: 3, scope: !77)
!110 = distinct !{!110, !80, !111, !61}
!111 = !DILocation(line: 25, column: 3, scope: !73)
!112 = !DILocation(line: 26, column: 11, scope: !65)
!113 = !DILocation(line: 26, column: 10, scope: !65)
!114 = !DILocation(line: 26, column: 3, scope: !65)
!115 = distinct !DISubprogram(name: "trie_walk", scope: !3, file: !3, line: 35, type: !116, scopeLine: 35, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !40)
!116 = !DISubroutineType(types: !117)
!117 = !{!87, !118, !11}
!118 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !119, size: 64)
!119 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !120)
!120 = distinct !DICompositeType(tag: DW_TAG_structure_type, name: "node", file: !3, line: 31, size: 192, elements: !121)
!121 = !{!122, !127}
!122 = !DIDerivedType(tag: DW_TAG_member, name: "child", scope: !120, file: !3, line: 32, baseType: !123, size: 128)
!123 = !DICompositeType(tag: DW_TAG_array_type, baseType: !124, size: 128, elements: !125)
!124 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !120, size: 64)
!125 = !{!126}
!126 = !DISubrange(count: 2)
!127 = !DIDerivedType(tag: DW_TAG_member, name: "nh", scope: !120, file: !3, line: 33, baseType: !87, size: 32, offset: 128)
!128 = !DILocalVariable(name: "n", arg: 1, scope: !115, file: !3, line: 35, type: !118)
!129 = !DILocation(line: 35, column: 34, scope: !115)
!130 = !DILocalVariable(name: "addr", arg: 2, scope: !115, file: !3, line: 35, type: !11)
!131 = !DILocation(line: 35, column: 46, scope: !115)
!132 = !DILocalVariable(name: "best", scope: !115, file: !3, line: 36, type: !87)
!133 = !DILocation(line: 36, column: 7, scope: !115)
!134 = !DILocalVariable(name: "d", scope: !135, file: !3, line: 37, type: !87)
!135 = distinct !DILexicalBlock(scope: !115, file: !3, line: 37, column: 3)
!136 = !DILocation(line: 37, column: 12, scope: !135)
!137 = !DILocation(line: 37, column: 8, scope: !135)
!138 = !DILocation(line: 37, column: 19, scope: !139)
!139 = distinct !DILexicalBlock(scope: !135, file: !3, line: 37, column: 3)
!140 = !DILocation(line: 37, column: 21, scope: !139)
!141 = !DILocation(line: 37, column: 3, scope: !135)
!142 = !DILocation(line: 38, column: 9, scope: !143)
!143 = distinct !DILexicalBlock(scope: !144, file: !3, line: 38, column: 9)
!144 = distinct !DILexicalBlock(scope: !139, file: !3, line: 37, column: 32)
!145 = !DILocation(line: 38, column: 12, scope: !143)
!146 = !DILocation(line: 38, column: 15, scope: !143)
!147 = !DILocation(line: 38, column: 9, scope: !144)
!148 = !DILocation(line: 39, column: 14, scope: !143)
!149 = !DILocation(line: 39, column: 17, scope: !143)
!150 = !DILocation(line: 39, column: 12, scope: !143)
!151 = !DILocation(line: 39, column: 7, scope: !143)
!152 = !DILocation(line: 40, column: 9, scope: !144)
!153 = !DILocation(line: 40, column: 12, scope: !144)
!154 = !DILocation(line: 40, column: 19, scope: !144)
!155 = !DILocation(line: 40, column: 33, scope: !144)
!156 = !DILocation(line: 40, column: 31, scope: !144)
!157 = !DILocation(line: 40, column: 24, scope: !144)
!158 = !DILocation(line: 40, column: 37, scope: !144)
!159 = !DILocation(line: 40, column: 7, scope: !144)
!160 = !DILocation(line: 41, column: 10, scope: !161)
!161 = distinct !DILexicalBlock(scope: !144, file: !3, line: 41, column: 9)
!162 = !DILocation(line: 41, column: 9, scope: !144)
!163 = !DILocation(line: 42, column: 7, scope: !161)
!164 = !DILocation(line: 43, column: 3, scope: !144)
!165 = !DILocation(line: 37, column: 28, scope: !139)
!166 = !DILocation(line: 37, column: 3, scope: !139)
!167 = distinct !{!167, !141, !168, !61}
!168 = !DILocation(line: 43, column: 3, scope: !135)
!169 = !DILocation(line: 44, column: 10, scope: !115)
!170 = !DILocation(line: 44, column: 3, scope: !115)
!171 = distinct !DISubprogram(name: "mix3", scope: !3, file: !3, line: 48, type: !172, scopeLine: 48, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !40)
!172 = !DISubroutineType(types: !173)
!173 = !{!11, !174, !11}
!174 = !DIDerivedType(tag: DW_TAG_pointer_type, baseType: !175, size: 64)
!175 = !DIDerivedType(tag: DW_TAG_const_type, baseType: !11)
!176 = !DILocalVariable(name: "w", arg: 1, scope: !171, file: !3, line: 48, type: !174)
!177 = !DILocation(line: 48, column: 31, scope: !171)
!178 = !DILocalVariable(name: "h", arg: 2, scope: !171, file: !3, line: 48, type: !11)
!179 = !DILocation(line: 48, column: 43, scope: !171)
!180 = !DILocalVariable(name: "i", scope: !181, file: !3, line: 49, type: !87)
!181 = distinct !DILexicalBlock(scope: !171, file: !3, line: 49, column: 3)
!182 = !DILocation(line: 49, column: 12, scope: !181)
!183 = !DILocation(line: 49, column: 8, scope: !181)
!184 = !DILocation(line: 49, column: 19, scope: !185)
!185 = distinct !DILexicalBlock(scope: !181, file: !3, line: 49, column: 3)
!186 = !DILocation(line: 49, column: 21, scope: !185)
!187 = !DILocation(line: 49, column: 3, scope: !181)
!188 = !DILocation(line: 50, column: 10, scope: !189)
!189 = distinct !DILexicalBlock(scope: !185, file: !3, line: 49, column: 31)
!190 = !DILocation(line: 50, column: 12, scope: !189)
!191 = !DILocation(line: 50, column: 7, scope: !189)
!192 = !DILocation(line: 51, column: 7, scope: !189)
!193 = !DILocation(line: 52, column: 10, scope: !189)
!194 = !DILocation(line: 52, column: 12, scope: !189)
!195 = !DILocation(line: 52, column: 21, scope: !189)
!196 = !DILocation(line: 52, column: 23, scope: !189)
!197 = !DILocation(line: 52, column: 18, scope: !189)
!198 = !DILocation(line: 52, column: 7, scope: !189)
!199 = !DILocation(line: 53, column: 3, scope: !189)
!200 = !DILocation(line: 49, column: 27, scope: !185)
!201 = !DILocation(line: 49, column: 3, scope: !185)
!202 = distinct !{!202, !187, !203, !61}
!203 = !DILocation(line: 53, column: 3, scope: !181)
!204 = !DILocation(line: 54, column: 10, scope: !171)
!205 = !DILocation(line: 54, column: 3, scope: !171)
!206 = distinct !DISubprogram(name: "byte_sum", scope: !3, file: !3, line: 58, type: !30, scopeLine: 58, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !40)
!207 = !DILocalVariable(name: "p", arg: 1, scope: !206, file: !3, line: 58, type: !32)
!208 = !DILocation(line: 58, column: 34, scope: !206)
!209 = !DILocalVariable(name: "n", arg: 2, scope: !206, file: !3, line: 58, type: !37)
!210 = !DILocation(line: 58, column: 44, scope: !206)
!211 = !DILocalVariable(name: "s", scope: !206, file: !3, line: 59, type: !11)
!212 = !DILocation(line: 59, column: 12, scope: !206)
!213 = !DILocalVariable(name: "i", scope: !214, file: !3, line: 60, type: !37)
!214 = distinct !DILexicalBlock(scope: !206, file: !3, line: 60, column: 3)
!215 = !DILocation(line: 60, column: 15, scope: !214)
!216 = !DILocation(line: 60, column: 8, scope: !214)
!217 = !DILocation(line: 60, column: 22, scope: !218)
!218 = distinct !DILexicalBlock(scope: !214, file: !3, line: 60, column: 3)
!219 = !DILocation(line: 60, column: 26, scope: !218)
!220 = !DILocation(line: 60, column: 24, scope: !218)
!221 = !DILocation(line: 60, column: 3, scope: !214)
!222 = !DILocation(line: 61, column: 10, scope: !218)
!223 = !DILocation(line: 61, column: 12, scope: !218)
!224 = !DILocation(line: 61, column: 7, scope: !218)
!225 = !DILocation(line: 61, column: 5, scope: !218)
!226 = !DILocation(line: 60, column: 30, scope: !218)
!227 = !DILocation(line: 60, column: 3, scope: !218)
!228 = distinct !{!228, !221, !229, !61}
!229 = !DILocation(line: 61, column: 13, scope: !214)
!230 = !DILocation(line: 62, column: 10, scope: !206)
!231 = !DILocation(line: 62, column: 3, scope: !206)
!232 = distinct !DISubprogram(name: "handler", scope: !3, file: !3, line: 73, type: !233, scopeLine: 73, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !40)
!233 = !DISubroutineType(types: !234)
!234 = !{!11, !174}
!235 = !DILocalVariable(name: "w", arg: 1, scope: !232, file: !3, line: 73, type: !174)
!236 = !DILocation(line: 73, column: 34, scope: !232)
!237 = !DILocation(line: 73, column: 57, scope: !232)
!238 = !DILocation(line: 73, column: 46, scope: !232)
!239 = !DILocation(line: 73, column: 63, scope: !232)
!240 = !DILocation(line: 73, column: 39, scope: !232)
!241 = distinct !DISubprogram(name: "fold_words", scope: !3, file: !3, line: 67, type: !242, scopeLine: 67, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !2, retainedNodes: !40)
!242 = !DISubroutineType(types: !243)
!243 = !{!11, !174, !87}
!244 = !DILocalVariable(name: "w", arg: 1, scope: !241, file: !3, line: 67, type: !174)
!245 = !DILocation(line: 67, column: 44, scope: !241)
!246 = !DILocalVariable(name: "n", arg: 2, scope: !241, file: !3, line: 67, type: !87)
!247 = !DILocation(line: 67, column: 51, scope: !241)
!248 = !DILocalVariable(name: "s", scope: !241, file: !3, line: 68, type: !11)
!249 = !DILocation(line: 68, column: 12, scope: !241)
!250 = !DILocalVariable(name: "i", scope: !251, file: !3, line: 69, type: !87)
!251 = distinct !DILexicalBlock(scope: !241, file: !3, line: 69, column: 3)
!252 = !DILocation(line: 69, column: 12, scope: !251)
!253 = !DILocation(line: 69, column: 8, scope: !251)
!254 = !DILocation(line: 69, column: 19, scope: !255)
!255 = distinct !DILexicalBlock(scope: !251, file: !3, line: 69, column: 3)
!256 = !DILocation(line: 69, column: 23, scope: !255)
!257 = !DILocation(line: 69, column: 21, scope: !255)
!258 = !DILocation(line: 69, column: 3, scope: !251)
!259 = !DILocation(line: 70, column: 10, scope: !255)
!260 = !DILocation(line: 70, column: 12, scope: !255)
!261 = !DILocation(line: 70, column: 7, scope: !255)
!262 = !DILocation(line: 70, column: 5, scope: !255)
!263 = !DILocation(line: 69, column: 27, scope: !255)
!264 = !DILocation(line: 69, column: 3, scope: !255)
!265 = distinct !{!265, !258, !266, !61}
!266 = !DILocation(line: 70, column: 13, scope: !251)
!267 = !DILocation(line: 71, column: 10, scope: !241)
!268 = !DILocation(line: 71, column: 3, scope: !241)
!269 = distinct !DISubprogram(name: "match_fixed", scope: !3, file: !3, line: 84, type: !270, scopeLine: 84, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !40)
!270 = !DISubroutineType(types: !271)
!271 = !{!87, !11}
!272 = !DILocalVariable(name: "a", arg: 1, scope: !269, file: !3, line: 84, type: !11)
!273 = !DILocation(line: 84, column: 26, scope: !269)
!274 = !DILocalVariable(name: "i", scope: !275, file: !3, line: 85, type: !87)
!275 = distinct !DILexicalBlock(scope: !269, file: !3, line: 85, column: 3)
!276 = !DILocation(line: 85, column: 12, scope: !275)
!277 = !DILocation(line: 85, column: 8, scope: !275)
!278 = !DILocation(line: 85, column: 19, scope: !279)
!279 = distinct !DILexicalBlock(scope: !275, file: !3, line: 85, column: 3)
!280 = !DILocation(line: 85, column: 21, scope: !279)
!281 = !DILocation(line: 85, column: 3, scope: !275)
!282 = !DILocation(line: 86, column: 10, scope: !283)
!283 = distinct !DILexicalBlock(scope: !279, file: !3, line: 86, column: 9)
!284 = !DILocation(line: 86, column: 26, scope: !283)
!285 = !DILocation(line: 86, column: 14, scope: !283)
!286 = !DILocation(line: 86, column: 29, scope: !283)
!287 = !DILocation(line: 86, column: 12, scope: !283)
!288 = !DILocation(line: 86, column: 50, scope: !283)
!289 = !DILocation(line: 86, column: 38, scope: !283)
!290 = !DILocation(line: 86, column: 53, scope: !283)
!291 = !DILocation(line: 86, column: 35, scope: !283)
!292 = !DILocation(line: 86, column: 9, scope: !279)
!293 = !DILocation(line: 87, column: 14, scope: !283)
!294 = !DILocation(line: 87, column: 7, scope: !283)
!295 = !DILocation(line: 85, column: 27, scope: !279)
!296 = !DILocation(line: 85, column: 3, scope: !279)
!297 = distinct !{!297, !281, !298, !61}
!298 = !DILocation(line: 87, column: 14, scope: !275)
!299 = !DILocation(line: 88, column: 3, scope: !269)
!300 = !DILocation(line: 89, column: 1, scope: !269)
!301 = distinct !DISubprogram(name: "match_live", scope: !3, file: !3, line: 90, type: !270, scopeLine: 90, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !40)
!302 = !DILocalVariable(name: "a", arg: 1, scope: !301, file: !3, line: 90, type: !11)
!303 = !DILocation(line: 90, column: 25, scope: !301)
!304 = !DILocalVariable(name: "i", scope: !305, file: !3, line: 91, type: !87)
!305 = distinct !DILexicalBlock(scope: !301, file: !3, line: 91, column: 3)
!306 = !DILocation(line: 91, column: 12, scope: !305)
!307 = !DILocation(line: 91, column: 8, scope: !305)
!308 = !DILocation(line: 91, column: 19, scope: !309)
!309 = distinct !DILexicalBlock(scope: !305, file: !3, line: 91, column: 3)
!310 = !DILocation(line: 91, column: 21, scope: !309)
!311 = !DILocation(line: 91, column: 3, scope: !305)
!312 = !DILocation(line: 92, column: 10, scope: !313)
!313 = distinct !DILexicalBlock(scope: !309, file: !3, line: 92, column: 9)
!314 = !DILocation(line: 92, column: 25, scope: !313)
!315 = !DILocation(line: 92, column: 14, scope: !313)
!316 = !DILocation(line: 92, column: 28, scope: !313)
!317 = !DILocation(line: 92, column: 12, scope: !313)
!318 = !DILocation(line: 92, column: 48, scope: !313)
!319 = !DILocation(line: 92, column: 37, scope: !313)
!320 = !DILocation(line: 92, column: 51, scope: !313)
!321 = !DILocation(line: 92, column: 34, scope: !313)
!322 = !DILocation(line: 92, column: 9, scope: !309)
!323 = !DILocation(line: 93, column: 14, scope: !313)
!324 = !DILocation(line: 93, column: 7, scope: !313)
!325 = !DILocation(line: 91, column: 27, scope: !309)
!326 = !DILocation(line: 91, column: 3, scope: !309)
!327 = distinct !{!327, !311, !328, !61}
!328 = !DILocation(line: 93, column: 14, scope: !305)
!329 = !DILocation(line: 94, column: 3, scope: !301)
!330 = !DILocation(line: 95, column: 1, scope: !301)
!331 = distinct !DISubprogram(name: "pick", scope: !3, file: !3, line: 107, type: !332, scopeLine: 107, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !40)
!332 = !DISubroutineType(types: !333)
!333 = !{!11, !11, !11, !11}
!334 = !DILocalVariable(name: "a", arg: 1, scope: !331, file: !3, line: 107, type: !11)
!335 = !DILocation(line: 107, column: 24, scope: !331)
!336 = !DILocalVariable(name: "b", arg: 2, scope: !331, file: !3, line: 107, type: !11)
!337 = !DILocation(line: 107, column: 36, scope: !331)
!338 = !DILocalVariable(name: "n", arg: 3, scope: !331, file: !3, line: 107, type: !11)
!339 = !DILocation(line: 107, column: 48, scope: !331)
!340 = !DILocation(line: 107, column: 70, scope: !331)
!341 = !DILocation(line: 107, column: 73, scope: !331)
!342 = !DILocation(line: 107, column: 60, scope: !331)
!343 = !DILocation(line: 107, column: 78, scope: !331)
!344 = !DILocation(line: 107, column: 76, scope: !331)
!345 = !DILocation(line: 107, column: 53, scope: !331)
!346 = distinct !DISubprogram(name: "hash_pair", scope: !3, file: !3, line: 106, type: !347, scopeLine: 106, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !2, retainedNodes: !40)
!347 = !DISubroutineType(types: !348)
!348 = !{!11, !11, !11}
!349 = !DILocalVariable(name: "a", arg: 1, scope: !346, file: !3, line: 106, type: !11)
!350 = !DILocation(line: 106, column: 36, scope: !346)
!351 = !DILocalVariable(name: "b", arg: 2, scope: !346, file: !3, line: 106, type: !11)
!352 = !DILocation(line: 106, column: 48, scope: !346)
!353 = !DILocation(line: 106, column: 66, scope: !346)
!354 = !DILocation(line: 106, column: 76, scope: !346)
!355 = !DILocation(line: 106, column: 70, scope: !346)
!356 = !DILocation(line: 106, column: 68, scope: !346)
!357 = !DILocation(line: 106, column: 60, scope: !346)
!358 = !DILocation(line: 106, column: 53, scope: !346)
!359 = distinct !DISubprogram(name: "mix32", scope: !3, file: !3, line: 100, type: !360, scopeLine: 100, flags: DIFlagPrototyped, spFlags: DISPFlagLocalToUnit | DISPFlagDefinition, unit: !2, retainedNodes: !40)
!360 = !DISubroutineType(types: !361)
!361 = !{!11, !11}
!362 = !DILocalVariable(name: "x", arg: 1, scope: !359, file: !3, line: 100, type: !11)
!363 = !DILocation(line: 100, column: 32, scope: !359)
!364 = !DILocation(line: 101, column: 8, scope: !359)
!365 = !DILocation(line: 101, column: 10, scope: !359)
!366 = !DILocation(line: 101, column: 5, scope: !359)
!367 = !DILocation(line: 102, column: 5, scope: !359)
!368 = !DILocation(line: 103, column: 8, scope: !359)
!369 = !DILocation(line: 103, column: 10, scope: !359)
!370 = !DILocation(line: 103, column: 5, scope: !359)
!371 = !DILocation(line: 104, column: 10, scope: !359)
!372 = !DILocation(line: 104, column: 3, scope: !359)
