// The job ran in the project directory with the split arguments and JVM options, and wrote the
// final sums: 2 + 4 + ... + 500 and 1 + 3 + ... + 499.
File totals = new File(basedir, 'target/sum totals.txt')
assert totals.isFile() : "the job did not write ${totals}"
assert totals.text == '# sums of 1..500\neven=62750\nodd=62500\n'

String log = new File(basedir, 'build.log').text
int start = log.indexOf('in a forked JVM')
assert start >= 0 : 'the plugin did not log that it forked the job'
String jobOutput = log.substring(start)
// The runner's progress and summary name every vertex and count the 500 numbers.
['Numbers', 'Classify', 'SumByParity', 'TotalsFile'].each { vertex ->
  assert jobOutput.contains(vertex) : "the job's output does not mention ${vertex}"
}
assert jobOutput.contains('500') : 'the job output does not count the 500 records'
// weir.vertexParallelism=SumByParity=3 reached the runner: the summary lists that vertex with 3 instances.
assert jobOutput.readLines().any { it.trim().startsWith('SumByParity') && it.trim().split(/\s+/)[1] == '3' } :
    'SumByParity did not run with the overridden parallelism 3'
assert log.contains('BUILD SUCCESS')
return true
