// The build failed because the job failed, and the log says which operator threw what.
String log = new File(basedir, 'build.log').text
int start = log.indexOf('in a forked JVM')
assert start >= 0 : 'the plugin did not log that it forked the job'
String jobOutput = log.substring(start)
assert jobOutput.contains('Explode') : 'the failure does not name the operator'
assert jobOutput.contains('boom: cannot handle 7') : "the failure does not carry the operator's exception"
assert log.contains("The Weir job failed: see the error above") : "the plugin's failure message is missing"
assert log.contains('BUILD FAILURE')
return true
