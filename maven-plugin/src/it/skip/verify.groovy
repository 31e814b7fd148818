String log = new File(basedir, 'build.log').text
assert log.contains('Skipping weir:run (weir.skip)')
assert !log.contains('in a forked JVM') : 'the plugin forked the job anyway'
assert !new File(basedir, 'target/ran.txt').exists() : 'the job ran'
assert log.contains('BUILD SUCCESS')
return true
