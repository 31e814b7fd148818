String log = new File(basedir, 'build.log').text

// First run, no weir.job: the build failed, and its failure message lists both jobs.
String failure = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert failure != null : 'the first run did not fail the build'
assert failure.contains('The Weir job could not start') : failure
assert failure.contains('evens') && failure.contains('odds') : "the failure does not list the jobs: ${failure}"

// Second run, -Dweir.job=odds: only that job ran (1 + 3 + 5 + 7 + 9).
File odds = new File(basedir, 'target/odds.txt')
assert odds.isFile() : 'the odds job did not run'
assert odds.text == '25\n'
assert !new File(basedir, 'target/evens.txt').exists() : 'the evens job ran too'
assert log.contains('BUILD SUCCESS')
return true
